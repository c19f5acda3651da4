using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Monitor.Core.Scraping.Simulation;

namespace Monitor.Tests.Scraping;

public sealed class SimulatedScrapeCreatorsHandlerTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AddScrapeCreators_NoApiKey_ReportsSimulatedMode()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var mode = host.Services.GetRequiredService<UpstreamMode>();

        Assert.True(mode.IsSimulated);
        Assert.Contains("Demo data", mode.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulator_SameHandleAndTime_IsDeterministic()
    {
        using var first = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));
        using var second = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var a = await ReadFeedAsync(first.Client, "demo.creator");
        var b = await ReadFeedAsync(second.Client, "demo.creator");
        var profileA = await first.Client.GetProfileAsync("demo.creator", CancellationToken.None);
        var profileB = await second.Client.GetProfileAsync("demo.creator", CancellationToken.None);

        Assert.Equal(a, b);
        Assert.Equal(profileA, profileB);
    }

    [Fact]
    public async Task Simulator_DifferentHandles_DifferentAccounts()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var a = await host.Client.GetProfileAsync("alpha.one", CancellationToken.None);
        var b = await host.Client.GetProfileAsync("beta.two", CancellationToken.None);

        Assert.NotEqual(a.UserId, b.UserId);
        Assert.Equal("Alpha One", a.Nickname);
    }

    [Fact]
    public async Task Simulator_PagingToEnd_ReturnsThePerHandleCount()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));
        var handles = new[] { "demo.creator", "cooking_with_ana", "x", "travel.diaries.2026" };

        foreach (var handle in handles)
        {
            var pages = await ReadPagesAsync(host.Client, handle);
            var posts = pages.SelectMany(p => p.Posts).ToList();
            var expected = SimulatedAccount.For(handle).PostCount;

            Assert.InRange(expected, 25, 120);
            Assert.Equal(expected, posts.Count);
            Assert.Equal(posts.Count, posts.Select(p => p.AwemeId).Distinct().Count());
            Assert.All(pages.SkipLast(1), p => Assert.InRange(p.Posts.Count, 10, 20));
            Assert.All(pages.SkipLast(1), p => Assert.True(p.HasMore));
            Assert.False(pages[^1].HasMore);
            Assert.All(posts, p => Assert.Matches("^[0-9]{19}$", p.AwemeId));
            Assert.All(posts, p => Assert.True(p.PostedAt <= Start.UtcDateTime));
            Assert.Equal(posts.OrderByDescending(p => p.PostedAt).Select(p => p.AwemeId), posts.Select(p => p.AwemeId));
        }
    }

    [Fact]
    public async Task Simulator_TimeAdvances_CountsNeverDecrease()
    {
        var time = new FakeTimeProvider(Start);
        using var host = ScrapeCreatorsTestHost.Simulated(time);
        var before = (await ReadFeedAsync(host.Client, "demo.creator")).ToDictionary(p => p.AwemeId);

        var grew = 0;
        for (var step = 0; step < 4; step++)
        {
            time.Advance(TimeSpan.FromHours(7));
            var after = await ReadFeedAsync(host.Client, "demo.creator");
            foreach (var post in after.Where(p => before.ContainsKey(p.AwemeId)))
            {
                var old = before[post.AwemeId];
                AssertNotLower(old.Metrics.Views, post.Metrics.Views);
                AssertNotLower(old.Metrics.Likes, post.Metrics.Likes);
                AssertNotLower(old.Metrics.Comments, post.Metrics.Comments);
                AssertNotLower(old.Metrics.Shares, post.Metrics.Shares);
                AssertNotLower(old.Metrics.Saves, post.Metrics.Saves);
                grew += post.Metrics.Likes > old.Metrics.Likes ? 1 : 0;
            }

            before = after.ToDictionary(p => p.AwemeId);
        }

        Assert.True(grew > 0, "No counter grew while time advanced.");
    }

    [Fact]
    public async Task Simulator_ManyHandles_SomePostsLackViewsAndSomeAreSlideshows()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var posts = new List<PostSnapshot>();
        foreach (var handle in new[] { "demo.one", "demo.two", "demo.three", "demo.four" })
        {
            posts.AddRange(await ReadFeedAsync(host.Client, handle));
        }

        Assert.Contains(posts, p => p.Metrics.Views is null);
        Assert.Contains(posts, p => p.DurationSeconds is null);
        Assert.All(posts, p => Assert.StartsWith($"https://{SimulatedMedia.Host}/cover/", p.CoverUrl, StringComparison.Ordinal));
        Assert.All(posts, p => Assert.StartsWith("https://www.tiktok.com/@", p.ShareUrl, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Simulator_Profile_HasNicknameAvatarAndCounts()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var profile = await host.Client.GetProfileAsync("@demo.creator", CancellationToken.None);

        Assert.Equal("demo.creator", profile.Handle);
        Assert.Equal("Demo Creator", profile.Nickname);
        Assert.Matches("^[0-9]{19}$", profile.UserId);
        Assert.StartsWith($"https://{SimulatedMedia.Host}/avatar/", profile.AvatarUrl, StringComparison.Ordinal);
        Assert.True(profile.AvatarUrl!.Length <= 2048);
        Assert.False(profile.IsPrivate);
        Assert.True(profile.FollowerCount > 0);
    }

    [Fact]
    public async Task Simulator_PrivateHandle_PrivateProfileAndEmptyFeed()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var profile = await host.Client.GetProfileAsync("some.private.account", CancellationToken.None);
        var page = await host.Client.GetPostsPageAsync("some.private.account", profile.UserId, null, CancellationToken.None);

        Assert.True(profile.IsPrivate);
        Assert.Empty(page.Posts);
        Assert.False(page.HasMore);
    }

    [Fact]
    public async Task Simulator_MissingHandle_ThrowsAccountNotFound()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var profileError = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync("missing.person", CancellationToken.None));
        var feedError = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync("missing.person", null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.AccountNotFound, profileError.Kind);
        Assert.Equal(ScrapeErrorKind.AccountNotFound, feedError.Kind);
    }

    [Fact]
    public async Task Simulator_BannedHandle_ThrowsAccountBanned()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var profileError = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => host.Client.GetProfileAsync("banned.creator", CancellationToken.None));
        var feedError = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => host.Client.GetPostsPageAsync("banned.creator", null, null, CancellationToken.None));

        Assert.Equal((ScrapeErrorKind.AccountBanned, ScrapeErrorKind.AccountBanned), (profileError.Kind, feedError.Kind));
    }

    [Theory]
    [InlineData("private")]
    [InlineData("banned")]
    [InlineData("missing")]
    public async Task Simulator_HandleThatTurnsLater_PublicWhenAddedThenInItsState(string state)
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));
        var handle = $"{state}.later.{Guid.NewGuid():N}"[..30];

        var atAdd = await host.Client.GetProfileAsync(handle, CancellationToken.None);
        var later = await Record.ExceptionAsync(async () =>
        {
            var profile = await host.Client.GetProfileAsync(handle, CancellationToken.None);
            Assert.True(profile.IsPrivate);
        });

        Assert.False(atAdd.IsPrivate);
        if (state == "private")
        {
            Assert.Null(later);
            Assert.Empty((await host.Client.GetPostsPageAsync(handle, atAdd.UserId, null, CancellationToken.None)).Posts);
        }
        else
        {
            var expected = state == "banned" ? ScrapeErrorKind.AccountBanned : ScrapeErrorKind.AccountNotFound;
            Assert.Equal(expected, Assert.IsType<ScrapeCreatorsException>(later).Kind);
        }
    }

    [Fact]
    public async Task Simulator_InvalidHandle_ThrowsBadRequest()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync("not a handle!", CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.BadRequest, error.Kind);
    }

    [Fact]
    public async Task Simulator_Latency_WaitsOnTheTimeProvider()
    {
        var time = new FakeTimeProvider(Start);
        using var handler = new SimulatedScrapeCreatorsHandler(time, TimeSpan.FromMilliseconds(150));
        using var http = new HttpClient(handler) { BaseAddress = new Uri("https://api.scrapecreators.com") };

        var pending = http.GetAsync(new Uri("/v1/tiktok/profile?handle=demo.creator", UriKind.Relative));
        await Task.Yield();
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(150));
        using var response = await pending.WaitAsync(TimeSpan.FromSeconds(5));

        Assert.True(response.IsSuccessStatusCode);
    }

    [Fact]
    public void StableHash_SameInput_SameValueAcrossProcesses()
    {
        // Pinned: a change here would re-deal every demo account (new ids, new posts) on upgrade.
        Assert.Equal(StableHash.Of("demo.creator"), StableHash.Of("Demo.Creator"));
        Assert.Equal(PinnedDemoCreatorHash, StableHash.Of("demo.creator"));
    }

    private const ulong PinnedDemoCreatorHash = 9501181995624197120UL;

    private static void AssertNotLower(long? before, long? after)
    {
        if (before is { } old && after is { } now)
        {
            Assert.True(now >= old, $"A counter went down: {old} -> {now}.");
        }
    }

    private static async Task<List<PostSnapshot>> ReadFeedAsync(ScrapeCreatorsClient client, string handle) =>
        (await ReadPagesAsync(client, handle)).SelectMany(p => p.Posts).ToList();

    private static async Task<List<PostsPage>> ReadPagesAsync(ScrapeCreatorsClient client, string handle)
    {
        var pages = new List<PostsPage>();
        string? cursor = null;
        do
        {
            var page = await client.GetPostsPageAsync(handle, null, cursor, CancellationToken.None);
            pages.Add(page);
            cursor = page.NextCursor;
            Assert.True(pages.Count <= 20, "The simulated feed never ended.");
            if (!page.HasMore)
            {
                break;
            }
        }
        while (true);

        return pages;
    }
}
