using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>What a bulk upsert wrote, and the profile's totals after it (the profile's own field names on the wire).</summary>
public sealed record BulkUpsertResult(
    int Written,
    long TotalPosts,
    [property: JsonMetrics(MetricJsonNames.Totals)] PostMetrics Totals);
