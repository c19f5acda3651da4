using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>TikTok's media object: <c>{ uri, url_list[], width, height }</c>.</summary>
internal sealed record WireUrlList([property: JsonPropertyName("url_list")] IReadOnlyList<string?>? UrlList);
