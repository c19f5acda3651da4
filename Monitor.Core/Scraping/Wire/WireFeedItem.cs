namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// One entry of <c>aweme_list</c>: the post, or why it could not be read at all (<see cref="Unreadable"/>) with the id
/// it carried, if any could be found.
/// </summary>
internal sealed record WireFeedItem(WireAweme? Aweme, string? Unreadable = null, string? RawId = null);
