using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>A post's counters as observed at <paramref name="RecordedAt"/> (one history entry).</summary>
public sealed record MetricsSnapshotDto([property: JsonMetrics(MetricJsonNames.Counts)] PostMetrics Metrics, DateTime RecordedAt);
