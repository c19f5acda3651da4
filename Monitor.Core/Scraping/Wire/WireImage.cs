using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

internal sealed record WireImage([property: JsonPropertyName("display_image")] WireUrlList? DisplayImage);
