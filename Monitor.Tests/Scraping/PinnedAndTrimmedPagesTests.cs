using Monitor.Core.Posts;
using Monitor.Core.Scans;
using Monitor.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Monitor.Tests.Scraping;

/// <summary>The feed's section-8 shapes read by the real client: pinned posts and trimmed answers.</summary>
public sealed class PinnedAndTrimmedPagesTests : IDisposable
{
    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task GetPostsPageAsync_PinnedFirstPost_IsMarkedPinnedAndTheOthersAreNot()
    {
        Serve("profile-videos-pinned.json");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync("fixture.creator", null, null, CancellationToken.None);

        Assert.Equal(6, page.Posts.Count);
        Assert.True(page.Posts[0].IsPinned);
        Assert.All(page.Posts.Skip(1), p => Assert.False(p.IsPinned));
        Assert.True(page.HasMore);
        Assert.True(page.HasMoreKnown);
        Assert.Equal("1760140800000", page.NextCursor);
    }

    [Fact]
    public async Task GetPostsPageAsync_TrimmedAnswerWithoutHasMore_IsNotTheEnd()
    {
        Serve("profile-videos-trimmed.json");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync("fixture.creator", null, null, CancellationToken.None);

        Assert.Equal(5, page.Posts.Count);
        Assert.False(page.HasMoreKnown);
        Assert.True(page.HasMore);
        Assert.Equal("1760140800000", page.NextCursor);
    }

    [Fact]
    public void FeedPager_TrimmedPagesUntilAnEmptyOne_EndsWithoutANote()
    {
        var pager = new FeedPager(maxPages: 10);

        Assert.Equal("200", pager.Advance(["1", "2"], hasMore: true, nextCursor: "200", hasMoreKnown: false));
        Assert.Null(pager.Advance([], hasMore: true, nextCursor: "100", hasMoreKnown: false));

        Assert.Equal(2, pager.Pages);
        Assert.Null(pager.StopNote);
    }

    private void Serve(string fixture) =>
        _upstream.Server.Given(Request.Create().WithPath(FakeScrapeCreators.VideosPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(FixtureFiles.Read(fixture)));
}
