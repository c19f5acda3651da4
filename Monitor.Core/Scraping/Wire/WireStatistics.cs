using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>A post's counters. Any of them can be absent: absent stays null, never 0. Present ones are read strictly.</summary>
internal sealed record WireStatistics(
    [property: JsonPropertyName("play_count"), JsonConverter(typeof(WireCountConverter))] long? PlayCount,
    [property: JsonPropertyName("digg_count"), JsonConverter(typeof(WireCountConverter))] long? DiggCount,
    [property: JsonPropertyName("comment_count"), JsonConverter(typeof(WireCountConverter))] long? CommentCount,
    [property: JsonPropertyName("share_count"), JsonConverter(typeof(WireCountConverter))] long? ShareCount,
    [property: JsonPropertyName("collect_count"), JsonConverter(typeof(WireCountConverter))] long? CollectCount);
