using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Scraping;

/// <summary>The simulator's free signals: the demo shows every badge, the same ones after every restart.</summary>
public sealed class SimulatedSignalsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Simulator_SeveralAccounts_EmitAdsPartnershipsShopPostsSoundsAndHashtags()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));
        var posts = new List<Monitor.Core.Scraping.PostSnapshot>();
        foreach (var handle in new[] { "demo.creator", "alpha.one", "beta.two" })
        {
            string? cursor = null;
            do
            {
                var page = await host.Client.GetPostsPageAsync(handle, null, cursor, CancellationToken.None);
                posts.AddRange(page.Posts);
                cursor = page.HasMore ? page.NextCursor : null;
            }
            while (cursor is not null);
        }

        Assert.Contains(posts, p => p.IsAd == true);
        Assert.Contains(posts, p => p.IsPaidPartnership == true);
        Assert.Contains(posts, p => p.HasShopProduct == true && p.ShopProductUrl!.StartsWith("https://", StringComparison.Ordinal));
        Assert.Contains(posts, p => p.Sound?.IsOriginal == true);
        Assert.Contains(posts, p => p.Sound?.IsOriginal == false);
        Assert.All(posts, p => Assert.NotNull(p.Sound));
        Assert.All(posts.Where(p => !string.IsNullOrEmpty(p.Description)), p => Assert.Contains("demo", p.Hashtags!));
        Assert.All(posts, p => Assert.Equal(false, p.IsPinned));
        Assert.InRange(posts.Count(p => p.IsAd == true), 1, posts.Count / 5);
    }
}
