namespace Monitor.Core.Scraping;

/// <summary>An account's counters as TikTok reports them; null where the answer did not say.</summary>
/// <param name="Likes">Total likes the account's posts received (<c>total_favorited</c>, <c>heartCount</c>).</param>
public sealed record AccountCounters(long? Followers, long? Following, long? Likes, long? Videos)
{
    public bool HasAny => Followers is not null || Following is not null || Likes is not null || Videos is not null;
}
