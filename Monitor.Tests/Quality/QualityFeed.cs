using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Quality;

/// <summary>A creator's feed that a test changes between runs: its posts (id, views) in pages, or an empty answer.</summary>
internal sealed class QualityFeed(int pageSize)
{
    public List<(string Id, long Views)> Posts { get; set; } = [];

    /// <summary>Answer the first page with an empty list and <c>has_more: false</c>, as a throttled scraper does.</summary>
    public bool Empty { get; set; }

    public (int Status, string Body) Respond(string? cursor)
    {
        if (Empty)
        {
            return (200, FakeFeed.Empty);
        }

        var page = int.Parse(cursor ?? "0", System.Globalization.CultureInfo.InvariantCulture);
        var posts = Posts.Skip(page * pageSize).Take(pageSize).ToList();
        var more = (page + 1) * pageSize < Posts.Count;
        return (200, FakeFeed.Page(posts, more ? $"{page + 1}" : null));
    }
}
