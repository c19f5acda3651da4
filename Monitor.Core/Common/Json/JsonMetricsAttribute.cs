namespace Monitor.Core.Common.Json;

/// <summary>
/// Writes a <see cref="Metrics.PostMetrics"/> property as one member per metric at the level of its owner, under the seed's
/// names: <c>viewCount</c>… for <see cref="MetricJsonNames.Counts"/>, <c>totalViews</c>… for <see cref="MetricJsonNames.Totals"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class JsonMetricsAttribute(MetricJsonNames names) : Attribute
{
    public MetricJsonNames Names { get; } = names;
}
