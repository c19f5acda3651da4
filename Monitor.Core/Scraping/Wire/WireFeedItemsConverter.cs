using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// Reads <c>aweme_list</c> one post at a time: a post the serializer cannot read (a field of the wrong shape) becomes
/// an unreadable item and the reader moves on to the next, so one odd post does not cost the page. The list itself
/// must be an array, as before.
/// </summary>
internal sealed class WireFeedItemsConverter : JsonConverter<IReadOnlyList<WireFeedItem>>
{
    public override IReadOnlyList<WireFeedItem>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"aweme_list is {Kind(reader.TokenType)}, not an array.");
        }

        var items = new List<WireFeedItem>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            items.Add(ReadItem(ref reader, items.Count, options));
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<WireFeedItem> value, JsonSerializerOptions options) =>
        throw new NotSupportedException("The feed is only read.");

    private static WireFeedItem ReadItem(ref Utf8JsonReader reader, int index, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            var kind = Kind(reader.TokenType);
            reader.Skip();
            return new WireFeedItem(null, $"the post is {kind}, not an object");
        }

        // A custom converter is handed the whole value, so a copy of the reader can go back to the post's start.
        var start = reader;
        try
        {
            return new WireFeedItem(JsonSerializer.Deserialize<WireAweme>(ref reader, options));
        }
        catch (JsonException e)
        {
            reader = start;
            using var post = JsonDocument.ParseValue(ref reader);
            var id = post.RootElement.TryGetProperty("aweme_id", out var value) && value.ValueKind is JsonValueKind.String or JsonValueKind.Number
                ? value.ToString()
                : null;
            return new WireFeedItem(null, ScrapeCreatorsErrors.DescribeJsonError(e, $"$.aweme_list[{index}]"), id);
        }
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        _ => "null",
    };
}
