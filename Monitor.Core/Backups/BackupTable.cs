namespace Monitor.Core.Backups;

/// <summary>An app table as the archive carries it: its columns in a fixed order and the key that orders its rows.</summary>
public sealed record BackupTable(string Name, IReadOnlyList<BackupColumn> Columns, IReadOnlyList<string> KeyColumns, bool IsMedia)
{
    public string EntryName => $"tables/{Name}.jsonl";
}
