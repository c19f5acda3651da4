using System.Text.Json.Nodes;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Scraping;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Monitor.Tests.Audience;

/// <summary>The feed's author counters and the profile's likes and videos read off the wire, and the simulator's counters.</summary>
public sealed class AuthorCountersWireTests : IDisposable
{
    private const string VideosPath = "/v3/tiktok/profile/videos";
    private static readonly DateTimeOffset Start = new(2026, 11, 1, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task GetPostsPageAsync_AuthorIsTheAccount_CarriesItsCounters()
    {
        Serve(FixtureFiles.Read("profile-videos-page1.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync("fixture.creator", "7296276699038890826", null, CancellationToken.None);

        var author = Assert.IsType<FeedAuthor>(page.Author);
        Assert.Equal((15_230L, 87L, 341_120L, 8L), (author.Counters.Followers!.Value, author.Counters.Following!.Value, author.Counters.Likes!.Value, author.Counters.Videos!.Value));
        Assert.Equal("Fixture Creator", author.Nickname);
        Assert.Equal("Synthetic test account. Not a real creator.", author.Bio);
        Assert.Contains("fixture-avatar", author.AvatarUrl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsPageAsync_AuthorWithoutCounters_HasNoAuthor()
    {
        var body = JsonNode.Parse(FixtureFiles.Read("profile-videos-trimmed.json"))!;
        foreach (var post in body["aweme_list"]!.AsArray())
        {
            var author = post!["author"]!.AsObject();
            foreach (var counter in new[] { "follower_count", "following_count", "aweme_count", "total_favorited" })
            {
                author.Remove(counter);
            }
        }

        Serve(body.ToJsonString());
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync("fixture.creator", null, null, CancellationToken.None);

        Assert.NotEmpty(page.Posts);
        Assert.Null(page.Author);
    }

    [Fact]
    public async Task GetPostsPageAsync_AnotherAccountsPosts_LendNoCounters()
    {
        Serve(FixtureFiles.Read("profile-videos-page1.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var byId = await host.Client.GetPostsPageAsync("fixture.creator", "1111111111111111111", null, CancellationToken.None);
        var byHandle = await host.Client.GetPostsPageAsync("someone.else", null, null, CancellationToken.None);

        Assert.Null(byId.Author);
        Assert.Null(byHandle.Author);
    }

    [Fact]
    public async Task GetProfileAsync_Stats_CarryLikesReceivedAndVideos()
    {
        _upstream.Server.Given(Request.Create().WithPath("/v1/tiktok/profile").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(FixtureFiles.Read("profile.json")));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var profile = await host.Client.GetProfileAsync("fixture.creator", CancellationToken.None);

        Assert.Equal((341_120L, 8L), (profile.LikesCount!.Value, profile.VideoCount!.Value));
    }

    [Fact]
    public async Task Simulator_FeedCarriesCountersThatFollowTheProfileAndMoveWithTime()
    {
        var time = new FakeTimeProvider(Start);
        using var host = ScrapeCreatorsTestHost.Simulated(time);

        var profile = await host.Client.GetProfileAsync("demo.creator", CancellationToken.None);
        var page = await host.Client.GetPostsPageAsync("demo.creator", profile.UserId, null, CancellationToken.None);
        time.Advance(TimeSpan.FromDays(30));
        var later = await host.Client.GetPostsPageAsync("demo.creator", profile.UserId, null, CancellationToken.None);

        Assert.Equal(profile.FollowerCount, page.Author!.Counters.Followers);
        Assert.Equal(profile.FollowingCount, page.Author.Counters.Following);
        Assert.Equal(profile.VideoCount, page.Author.Counters.Videos);
        Assert.NotEqual(page.Author.Counters.Followers, later.Author!.Counters.Followers);
    }

    [Fact]
    public async Task Simulator_TrimmedHandle_FeedHasNoCounters()
    {
        using var host = ScrapeCreatorsTestHost.Simulated(new FakeTimeProvider(Start));

        var page = await host.Client.GetPostsPageAsync("demo.trimmed", null, null, CancellationToken.None);

        Assert.NotEmpty(page.Posts);
        Assert.Null(page.Author);
    }

    [Fact]
    public void Simulator_Accounts_GrowFlatOrFallDeterministically()
    {
        var accounts = Enumerable.Range(0, 60).Select(i => SimulatedAccount.For($"demo.account{i}")).ToList();
        var month = accounts.Select(a => (Before: a.FollowersAt(Start), After: a.FollowersAt(Start.AddDays(30)), a.FollowerTrend)).ToList();

        Assert.Contains(month, m => m.FollowerTrend > 0 && m.After > m.Before * 1.02);
        Assert.Contains(month, m => m.FollowerTrend < 0 && m.After < m.Before);
        Assert.Contains(month, m => m.FollowerTrend == 0 && Math.Abs(m.After - m.Before) <= m.Before * 0.003);
        Assert.Equal(accounts[0].FollowersAt(Start), SimulatedAccount.For("demo.account0").FollowersAt(Start));
    }

    private void Serve(string body) =>
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
}
