using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Serializer settings for ScrapeCreators bodies: explicit names on every property, tolerant of number/string drift.</summary>
internal static class WireJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.General)
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        PropertyNameCaseInsensitive = false,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 64,
    };
}
