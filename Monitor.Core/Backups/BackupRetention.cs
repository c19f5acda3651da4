namespace Monitor.Core.Backups;

/// <summary>The scheduled archives' names (sortable by time) and the rule that keeps only the newest <c>Keep</c> of them.</summary>
public static class BackupRetention
{
    public const string Prefix = "monitor-backup-";
    public const string Extension = ".zip";

    public static string FileNameFor(DateTimeOffset at) => $"{Prefix}{at.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}{Extension}";

    /// <returns>The archives deleted. Only files named like the job's own are considered; anything else in the folder stays.</returns>
    public static IReadOnlyList<string> Prune(string folder, int keep)
    {
        var archives = Directory.EnumerateFiles(folder, $"{Prefix}*{Extension}")
            .OrderByDescending(Path.GetFileName, StringComparer.Ordinal)
            .ToList();
        var stale = archives.Skip(Math.Max(keep, 1)).ToList();
        foreach (var file in stale)
        {
            File.Delete(file);
        }

        return stale;
    }
}
