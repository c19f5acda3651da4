using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// A post with its current counts and, when asked for, its newest snapshots (newest first). <see cref="CoverCacheUrl"/> is the
/// app's cached copy of the cover (<c>/media/{hash}</c>) once the media cache has it.
/// </summary>
public sealed record PostDto(
    long Id,
    Guid ProfileId,
    string AwemeId,
    string? Description,
    DateTime? PostedAt,
    string? CoverUrl,
    string? ShareUrl,
    int? DurationSeconds,
    [property: JsonMetrics(MetricJsonNames.Counts)] PostMetrics Metrics,
    DateTime FirstSeenAt,
    DateTime LastSeenAt,
    IReadOnlyList<MetricsSnapshotDto>? MetricsHistory,
    string? CoverCacheUrl = null);
