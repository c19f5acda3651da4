namespace Monitor.Core.Reports;

public enum ReportFigureFormat
{
    Count,
    Percent,
}
