namespace Monitor.Core.Backups;

/// <summary>Scheduled backups (section <c>Backup</c>): off unless <see cref="Schedule"/> is set.</summary>
public sealed class BackupOptions
{
    public const string SectionName = "Backup";

    /// <summary>A Quartz cron expression in UTC, e.g. <c>0 0 3 * * ?</c> for 03:00 every night; empty (the default) is off.</summary>
    public string? Schedule { get; set; }

    /// <summary>Where the archives go; relative paths are under the data directory. Default: <c>backups</c> in the data directory.</summary>
    public string Folder { get; set; } = "backups";

    /// <summary>Archives kept in the folder: after each backup the oldest beyond this count are deleted.</summary>
    public int Keep { get; set; } = 7;

    /// <summary>Include the cached images (they can be fetched again while TikTok still serves them, so off by default).</summary>
    public bool IncludeMedia { get; set; }
}
