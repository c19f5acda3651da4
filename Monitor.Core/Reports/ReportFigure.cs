namespace Monitor.Core.Reports;

/// <summary>A headline figure for the period and the one before, with what it is (its source or formula).</summary>
public sealed record ReportFigure(string Key, string Label, string Explanation, double? Current, double? Previous, ReportFigureFormat Format)
{
    public double? Change => Current is { } c && Previous is { } p ? c - p : null;

    /// <summary>The change relative to the previous period; null when that was 0 or unknown.</summary>
    public double? ChangeRatio => Change is { } d && Previous is { } p && p != 0 ? d / Math.Abs(p) : null;
}
