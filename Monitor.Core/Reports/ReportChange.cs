namespace Monitor.Core.Reports;

/// <summary>A change-log entry of the period (a caption edit, a post no longer seen, a new handle...).</summary>
public sealed record ReportChange(DateTime OccurredAt, string Handle, string Label, string? OldValue, string? NewValue);
