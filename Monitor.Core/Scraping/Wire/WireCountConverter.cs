using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Common;

namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// Reads a count strictly: a whole number from 0 to <see cref="FieldLimits.MaxCount"/>, sent as a JSON number
/// (<c>1234</c> or <c>1234.0</c>: JavaScript upstreams write integral doubles either way) or as a string of one.
/// Anything else (<c>1e30</c>, <c>123.5</c>, <c>-1</c>, <c>"many"</c>) fails the whole body: a page with one absurd
/// figure cannot be trusted for the others, and an absurd figure must never replace a stored one.
/// </summary>
internal sealed class WireCountConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return Checked(whole, reader);
                }

                // decimal holds 28 digits exactly, so 1234.0 is integral and 1234.5 is not; 1e30 does not fit at all.
                return reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 0 and <= FieldLimits.MaxCount
                    ? (long)number
                    : throw Refuse(reader);
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return null;
                }

                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
                    && parsed == decimal.Truncate(parsed) && parsed <= FieldLimits.MaxCount
                    ? (long)parsed
                    : throw Refuse(reader);
            case JsonTokenType.True or JsonTokenType.False:
                throw Refuse(reader);
            default:
                throw new JsonException($"a count is {(reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object")}, not a number.");
        }
    }

    public override void Write(Utf8JsonWriter writer, long? value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } count)
        {
            writer.WriteNumberValue(count);
        }
        else
        {
            writer.WriteNullValue();
        }
    }

    private static long Checked(long value, Utf8JsonReader reader) => FieldLimits.IsCount(value) ? value : throw Refuse(reader);

    private static JsonException Refuse(Utf8JsonReader reader)
    {
        var raw = Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        var shown = raw.Length <= 40 ? raw : raw[..40] + "…";
        return new JsonException($"a count is {shown}, not a whole number from 0 to 10^15.");
    }
}
