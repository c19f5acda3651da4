using Monitor.Core.Metrics;

namespace Monitor.Core.Monitoring;

/// <summary>A profile's totals, summed over its posts.</summary>
public sealed record ProfileTotals(long Posts, PostMetrics Metrics);
