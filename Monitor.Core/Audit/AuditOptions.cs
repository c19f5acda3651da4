namespace Monitor.Core.Audit;

public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>Entries older than this many days are deleted once a day; 0 keeps everything.</summary>
    public int RetentionDays { get; set; } = 365;
}
