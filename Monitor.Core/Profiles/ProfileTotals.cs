using Monitor.Core.Metrics;

namespace Monitor.Core.Profiles;

/// <summary>A profile's totals, summed over its posts.</summary>
public sealed record ProfileTotals(long Posts, PostMetrics Metrics);
