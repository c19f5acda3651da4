using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Reads an API time as an instant: with an offset (<c>Z</c> or <c>+02:00</c>) it becomes that instant in UTC. Without
/// one it stays <see cref="DateTimeKind.Unspecified"/>, which the validators refuse by name: guessing a zone would
/// store a time hours off without anyone noticing. Written the serializer's usual way.
/// </summary>
internal sealed class ApiDateTimeConverter : JsonConverter<DateTime>
{
    public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTime(out var value))
        {
            throw new JsonException("A time is an ISO 8601 string with an offset, e.g. 2025-10-16T13:25:00Z.");
        }

        if (value.Kind == DateTimeKind.Unspecified)
        {
            return value;
        }

        // The serializer turns an explicit offset into machine-local time; the offset form keeps the instant exact.
        return reader.TryGetDateTimeOffset(out var instant) ? instant.UtcDateTime : value.ToUniversalTime();
    }

    public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
