using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>Present on photo slideshows only.</summary>
internal sealed record WireImagePostInfo([property: JsonPropertyName("images")] IReadOnlyList<WireImage?>? Images);
