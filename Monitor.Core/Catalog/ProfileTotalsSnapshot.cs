using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Catalog;

/// <summary>A profile's totals as one completed run left them: a point of the profile's charts.</summary>
public sealed record ProfileTotalsSnapshot(
    DateTime RecordedAt,
    long TotalPosts,
    [property: JsonMetrics(MetricJsonNames.Totals)] PostMetrics Totals);
