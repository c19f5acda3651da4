namespace Monitor.Core.Media;

/// <summary>
/// Where the bytes live: a table on PostgreSQL (every node sees it), files in the data folder on SQLite. Both keep the
/// blob's row in <c>media_blobs</c> (type, size), so listing and garbage collection are one query on either.
/// </summary>
public interface IMediaBlobStore
{
    /// <summary>Idempotent: bytes already stored under this hash are left as they are.</summary>
    Task SaveAsync(string hash, string contentType, byte[] bytes, CancellationToken cancellationToken);

    Task<StoredMedia?> ReadAsync(string hash, CancellationToken cancellationToken);

    /// <summary>Removes these blobs' bytes and rows.</summary>
    Task DeleteAsync(IReadOnlyCollection<string> hashes, CancellationToken cancellationToken);
}
