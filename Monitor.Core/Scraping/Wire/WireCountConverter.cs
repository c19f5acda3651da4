using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// A count read by <see cref="WireCountReader"/> that fails the whole body when refused: for a figure that has no
/// earlier value to fall back on (a profile's follower count as the profile is added).
/// </summary>
internal sealed class WireCountConverter : JsonConverter<long?>
{
    public override bool HandleNull => true;

    public override long? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var count = WireCountReader.Read(ref reader);
        return count.Refused is { } refused ? throw new JsonException(WireCountReader.Describe(refused) + ".") : count.Value;
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
}
