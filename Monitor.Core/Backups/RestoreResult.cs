namespace Monitor.Core.Backups;

/// <summary>What a restore loaded: the archive's manifest and the rows written per table.</summary>
public sealed record RestoreResult(BackupManifest Manifest, IReadOnlyDictionary<string, long> RowsWritten, int MediaWritten);
