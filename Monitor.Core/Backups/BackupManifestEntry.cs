namespace Monitor.Core.Backups;

/// <summary>A file entry of the archive (a cached image under <c>media/</c>) and its SHA-256.</summary>
public sealed record BackupManifestEntry(string Entry, long Size, string Sha256);
