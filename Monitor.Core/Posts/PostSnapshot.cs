using System.Text.Json.Serialization;
using Monitor.Core.Common.Json;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>One post as observed upstream (or sent to the bulk endpoint): what a run writes.</summary>
public sealed record PostSnapshot
{
    public required string AwemeId { get; init; }
    public string? Description { get; init; }
    public DateTime? PostedAt { get; init; }
    public string? CoverUrl { get; init; }
    public string? ShareUrl { get; init; }
    public int? DurationSeconds { get; init; }

    /// <summary>Pinned to the top of the profile (<c>is_top</c>): first in the feed whatever its age.</summary>
    [JsonIgnore]
    public bool IsPinned { get; init; }

    [JsonMetrics(MetricJsonNames.Counts)]
    public PostMetrics Metrics { get; init; }
}
