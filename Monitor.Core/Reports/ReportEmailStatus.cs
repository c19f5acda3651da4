namespace Monitor.Core.Reports;

/// <summary>What became of a stored report's email.</summary>
public enum ReportEmailStatus
{
    Pending,
    Sent,
    Failed,
}
