using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// A post's counters as observed at <paramref name="RecordedAt"/> (one history entry). <paramref name="Suspect"/>: observed
/// by a run marked suspect, kept for the record but not trusted (a post's full history says so; the newest-snapshots
/// lists do not).
/// </summary>
public sealed record MetricsSnapshotDto([property: JsonMetrics(MetricJsonNames.Counts)] PostMetrics Metrics, DateTime RecordedAt, bool Suspect = false);
