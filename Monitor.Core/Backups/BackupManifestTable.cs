namespace Monitor.Core.Backups;

/// <summary>One table's entry: its columns in the order of each line's values, its row count and the entry's SHA-256.</summary>
public sealed record BackupManifestTable(string Name, string Entry, IReadOnlyList<string> Columns, long Rows, string Sha256);
