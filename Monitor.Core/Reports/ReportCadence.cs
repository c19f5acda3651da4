namespace Monitor.Core.Reports;

/// <summary>How often a report goes out, each time over the last complete calendar period of that length.</summary>
public enum ReportCadence
{
    Weekly,
    Monthly,
}
