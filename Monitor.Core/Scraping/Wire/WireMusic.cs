using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>A post's sound (<c>music</c>). <c>id</c> can arrive as a number too large for a double: read as text.</summary>
internal sealed record WireMusic(
    [property: JsonPropertyName("id_str"), JsonConverter(typeof(FlexibleStringConverter))] string? IdStr,
    [property: JsonPropertyName("id"), JsonConverter(typeof(FlexibleStringConverter))] string? Id,
    [property: JsonPropertyName("title")] string? Title,
    [property: JsonPropertyName("author")] string? Author,
    [property: JsonPropertyName("is_original_sound"), JsonConverter(typeof(FlexibleBooleanConverter))] bool? IsOriginalSound);
