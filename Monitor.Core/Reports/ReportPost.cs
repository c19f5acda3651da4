namespace Monitor.Core.Reports;

/// <summary>A top post of the period; <see cref="Thumbnail"/> is the cached cover (null: none cached, a placeholder is drawn).</summary>
public sealed record ReportPost(long Id, string Handle, string? Description, DateTime PostedAt, long Views, long ViewsGained, string? ShareUrl, byte[]? Thumbnail);
