using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>A post's counters. Any of them can be absent: absent stays null, never 0.</summary>
internal sealed record WireStatistics(
    [property: JsonPropertyName("play_count")] long? PlayCount,
    [property: JsonPropertyName("digg_count")] long? DiggCount,
    [property: JsonPropertyName("comment_count")] long? CommentCount,
    [property: JsonPropertyName("share_count")] long? ShareCount,
    [property: JsonPropertyName("collect_count")] long? CollectCount);
