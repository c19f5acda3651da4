using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Monitor.Core.Common;

namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// Reads a count strictly: a whole number from 0 to <see cref="FieldLimits.MaxCount"/>, sent as a JSON number
/// (<c>1234</c> or <c>1234.0</c>: JavaScript upstreams write integral doubles either way) or as a string of one.
/// Anything else (<c>1e30</c>, <c>123.5</c>, <c>-1</c>, <c>"many"</c>, an array) is refused, never guessed at: an
/// absurd figure must never replace a stored one. What a refusal costs is the caller's choice.
/// </summary>
internal static class WireCountReader
{
    public static WireCount Read(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return new WireCount(null);
            case JsonTokenType.Number:
                if (reader.TryGetInt64(out var whole))
                {
                    return FieldLimits.IsCount(whole) ? new WireCount(whole) : Refuse(reader);
                }

                // decimal holds 28 digits exactly, so 1234.0 is integral and 1234.5 is not; 1e30 does not fit at all.
                return reader.TryGetDecimal(out var number) && number == decimal.Truncate(number) && number is >= 0 and <= FieldLimits.MaxCount
                    ? new WireCount((long)number)
                    : Refuse(reader);
            case JsonTokenType.String:
                var text = reader.GetString()?.Trim();
                if (string.IsNullOrEmpty(text))
                {
                    return new WireCount(null);
                }

                return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed)
                    && parsed == decimal.Truncate(parsed) && parsed <= FieldLimits.MaxCount
                    ? new WireCount((long)parsed)
                    : Refuse(reader);
            case JsonTokenType.StartArray or JsonTokenType.StartObject:
                var kind = reader.TokenType == JsonTokenType.StartArray ? "an array" : "an object";
                reader.Skip();
                return new WireCount(null, kind);
            default:
                return Refuse(reader);
        }
    }

    /// <summary>Why a refused count is not stored, in words: "a count is -5, not a whole number from 0 to 10^15".</summary>
    public static string Describe(string refused) =>
        refused is "an array" or "an object" ? $"a count is {refused}, not a number" : $"a count is {refused}, not a whole number from 0 to 10^15";

    private static WireCount Refuse(Utf8JsonReader reader)
    {
        var raw = reader.TokenType == JsonTokenType.String
            ? reader.GetString() ?? ""
            : Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        return new WireCount(null, FieldLimits.Cut(raw, 41, marked: true));
    }
}
