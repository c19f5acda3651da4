using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// A post with its current counts and, when asked for, its newest snapshots (newest first). <see cref="NotSeenSince"/>
/// is its last sighting once it missed several full scans in a row (null while it is seen).
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
    DateTime? NotSeenSince = null);
