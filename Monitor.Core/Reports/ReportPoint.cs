namespace Monitor.Core.Reports;

/// <summary>A chart point: a local day of the report's zone and the value at its end.</summary>
public sealed record ReportPoint(DateOnly Day, double Value);
