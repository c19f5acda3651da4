namespace Monitor.Core.Backups;

/// <summary>
/// <c>manifest.json</c>: what the archive holds and how to check it. <see cref="Schema"/> is the name of the last
/// migration the source had applied (without its timestamp, which differs between the providers' migrations).
/// </summary>
public sealed record BackupManifest(
    int FormatVersion,
    string AppVersion,
    string Schema,
    string SourceMigration,
    string Provider,
    DateTime CreatedAt,
    bool IncludesMedia,
    IReadOnlyList<BackupManifestTable> Tables,
    IReadOnlyList<BackupManifestEntry> Media)
{
    public const int CurrentFormatVersion = 1;
    public const string EntryName = "manifest.json";

    /// <summary>The SHA-256 of <c>manifest.json</c>'s bytes: the whole archive's checksum (the manifest names every entry's hash).</summary>
    public const string ChecksumEntryName = "manifest.sha256";

    public long TotalRows => Tables.Sum(t => t.Rows);
}
