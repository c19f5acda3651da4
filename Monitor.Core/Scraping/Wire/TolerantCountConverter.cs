using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// A post's counter read by <see cref="WireCountReader"/>, a refusal kept rather than thrown: one odd figure costs
/// that figure (the post keeps its last good value), not the page.
/// </summary>
internal sealed class TolerantCountConverter : JsonConverter<WireCount>
{
    public override bool HandleNull => true;

    public override WireCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        WireCountReader.Read(ref reader);

    public override void Write(Utf8JsonWriter writer, WireCount value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.Value is { } count)
        {
            writer.WriteNumberValue(count);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
