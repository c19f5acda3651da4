namespace Monitor.Web.Components.Common;

/// <summary>The metrics a chart can show.</summary>
public enum ChartMetric
{
    Views,
    Likes,
    Shares,
    Comments,
    Saves,
    Posts,
}
