using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Reads true/false, 1/0 or their string forms: <c>has_more</c> arrives as all of these.</summary>
internal sealed class FlexibleBooleanConverter : JsonConverter<bool?>
{
    public override bool? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            JsonTokenType.Number => reader.TryGetInt64(out var number) ? number != 0 : reader.GetDouble() != 0,
            JsonTokenType.String => ParseText(reader.GetString()),
            JsonTokenType.Null => null,
            _ => throw new JsonException($"Expected a boolean, got {reader.TokenType}."),
        };

    public override void Write(Utf8JsonWriter writer, bool? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } flag)
        {
            writer.WriteBooleanValue(flag);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static bool? ParseText(string? text) => text?.Trim().ToUpperInvariant() switch
    {
        "TRUE" or "1" or "YES" => true,
        "FALSE" or "0" or "NO" => false,
        "" or null => null,
        _ => throw new JsonException("Expected a boolean string."),
    };
}
