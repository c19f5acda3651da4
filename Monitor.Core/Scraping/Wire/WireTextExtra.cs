using System.Text.Json.Serialization;

namespace Monitor.Core.Scraping.Wire;

/// <summary>One entry of a caption's <c>text_extra</c>: a hashtag (<c>hashtag_name</c>) or a mention (no hashtag name).</summary>
internal sealed record WireTextExtra([property: JsonPropertyName("hashtag_name")] string? HashtagName);
