namespace Monitor.Core.Media;

/// <summary>
/// One stored image, named by the SHA-256 of its bytes: owners with the same bytes share it. On PostgreSQL the bytes are
/// in <see cref="Data"/> so every node sees them; on SQLite they are a file in the data folder and <see cref="Data"/> is null.
/// </summary>
public sealed class MediaBlob
{
    public required string Hash { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public DateTime CreatedAt { get; set; }
    public byte[]? Data { get; set; }
}
