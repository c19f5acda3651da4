using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>A post's counters. Any of them can be absent: absent stays null, never 0. Present ones are read strictly, one refused at a time.</summary>
internal sealed record WireStatistics(
    [property: JsonPropertyName("play_count"), JsonConverter(typeof(TolerantCountConverter))] WireCount PlayCount,
    [property: JsonPropertyName("digg_count"), JsonConverter(typeof(TolerantCountConverter))] WireCount DiggCount,
    [property: JsonPropertyName("comment_count"), JsonConverter(typeof(TolerantCountConverter))] WireCount CommentCount,
    [property: JsonPropertyName("share_count"), JsonConverter(typeof(TolerantCountConverter))] WireCount ShareCount,
    [property: JsonPropertyName("collect_count"), JsonConverter(typeof(TolerantCountConverter))] WireCount CollectCount)
{
    /// <summary>The counters refused, by their wire name, with the value as sent.</summary>
    public IEnumerable<(string Name, string Value)> Refused()
    {
        (string Name, WireCount Count)[] counts = [("play_count", PlayCount), ("digg_count", DiggCount), ("comment_count", CommentCount),
            ("share_count", ShareCount), ("collect_count", CollectCount)];
        return counts.Where(c => c.Count.IsRefused).Select(c => (c.Name, c.Count.Refused!));
    }
}
