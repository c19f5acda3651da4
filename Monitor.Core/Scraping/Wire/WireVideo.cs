using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>The <c>video</c> object of a post; <c>duration</c> is in milliseconds (0 on photo posts).</summary>
internal sealed record WireVideo(
    [property: JsonPropertyName("duration")] double? Duration,
    [property: JsonPropertyName("cover")] WireUrlList? Cover);
