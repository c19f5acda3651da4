using System.Diagnostics;
using System.Text;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Monitor.Tests.Scraping;

/// <summary>
/// What a broken or hostile upstream can send for a page of posts, against the real client over HTTP: the page is read
/// exactly; or an odd post costs only itself or its odd counter, named; or a page unreadable as a whole fails with a
/// message that says what was wrong.
/// </summary>
public sealed class HostileUpstreamTests : IDisposable
{
    private const string Handle = "fixture.creator";
    private const string VideosPath = "/v3/tiktok/profile/videos";

    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task Counts_IntegralDecimalsAndDigitStrings_AreReadAsIntegers()
    {
        Serve(Page(Aweme("7000000000000000001", """{"play_count":1234.0,"digg_count":"56","comment_count":7.000,"share_count":1e3,"collect_count":1000000000000000}""")));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var post = Assert.Single((await GetPageAsync(host)).Posts);

        Assert.Equal((1234L, 56L, 7L, 1000L, FieldLimits.MaxCount), (post.Metrics.Views, post.Metrics.Likes, post.Metrics.Comments, post.Metrics.Shares, post.Metrics.Saves));
    }

    [Theory]
    [InlineData("1e30")]
    [InlineData("123.5")]
    [InlineData("-1")]
    [InlineData("-0.5")]
    [InlineData("1000000000000001")]
    [InlineData("9223372036854775808")]
    [InlineData("\"many\"")]
    [InlineData("\"-5\"")]
    [InlineData("\"1e30\"")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[1]")]
    public async Task Counts_NotAWholeNumberFromZeroToTenToTheFifteenth_AreLeftUnreportedAndNamedTheRestRead(string count)
    {
        var good = Aweme("7000000000000000001", """{"play_count":10}""");
        var odd = Aweme("7000000000000000002", $$"""{"play_count":{{count}},"digg_count":7}""");
        Serve(Page(good, odd));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await GetPageAsync(host);

        Assert.Equal(["7000000000000000001", "7000000000000000002"], page.Posts.Select(p => p.AwemeId));
        Assert.Equal(10, page.Posts[0].Metrics.Views);
        Assert.Null(page.Posts[1].Metrics.Views);
        Assert.Equal(7, page.Posts[1].Metrics.Likes);
        var named = Assert.Single(page.OddPosts);
        Assert.Equal((2, "7000000000000000002", false), (named.Position, named.AwemeId, named.Skipped));
        var shown = count switch { "{}" => "an object", "[1]" => "an array", _ => count.Trim('"') };
        Assert.StartsWith($"play_count: a count is {shown}", named.Problem, StringComparison.Ordinal);
        Assert.Contains("odd post", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"12ab\"", "\"12ab\"")]
    [InlineData("\"\"", "missing")]
    [InlineData("null", "missing")]
    [InlineData("\"-7000000000000000001\"", "\"-7000000000000000001\"")]
    [InlineData("\"700000000000000000000000000000001\"", "\"700000000000000000000000000000001\"")]
    [InlineData("\"\u0667\u0660\u0660\u0661\"", "\"\u0667\u0660\u0660\u0661\"")]
    [InlineData("\"\uff17\uff10\uff10\uff11\"", "\"\uff17\uff10\uff10\uff11\"")]
    public async Task PostIds_NotOneTo32AsciiDigits_SkipThePostNamingItTheRestRead(string id, string shown)
    {
        Serve(Page(Aweme("7000000000000000001", "{}"), Aweme("7000000000000000002", "{}"), $$"""{"aweme_id":{{id}},"desc":"x"}"""));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await GetPageAsync(host);

        Assert.Equal(["7000000000000000001", "7000000000000000002"], page.Posts.Select(p => p.AwemeId));
        var skipped = Assert.Single(page.OddPosts);
        Assert.True(skipped.Skipped);
        Assert.Equal(3, skipped.Position);
        Assert.Contains($"aweme_id {shown} is not a numeric id", skipped.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_WhoseOnlyPostHasAnOddId_IsReadAsNoPostWithThePostNamed()
    {
        Serve(Page("""{"aweme_id":"\u0667\u0660\u0660\u0661","desc":"x"}"""));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await GetPageAsync(host);

        Assert.Empty(page.Posts);
        Assert.True(Assert.Single(page.OddPosts).Skipped);
    }

    [Theory]
    [InlineData("""{"aweme_id":"7000000000000000003","statistics":[]}""", "7000000000000000003", "$.aweme_list[2].statistics")]
    [InlineData("""{"aweme_id":7000000000000000003,"create_time":"yesterday"}""", "7000000000000000003", "$.aweme_list[2].create_time")]
    [InlineData("42", null, "the post is a number")]
    [InlineData("null", null, "the post is null")]
    public async Task Post_UnreadableAsAWhole_IsSkippedNamingItTheRestRead(string post, string? id, string expected)
    {
        Serve(Page(Aweme("7000000000000000001", "{}"), Aweme("7000000000000000002", "{}"), post));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await GetPageAsync(host);

        Assert.Equal(2, page.Posts.Count);
        var skipped = Assert.Single(page.OddPosts);
        Assert.Equal((3, id, true), (skipped.Position, skipped.AwemeId, skipped.Skipped));
        Assert.Contains(expected, skipped.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caption_OfTenMegabytes_KeepsThePostWithTheCaptionCutToTheColumnAndSaysSo()
    {
        var caption = new string('c', 10_000_000);
        Serve(Page($$$"""{"aweme_id":"7000000000000000001","desc":"{{{caption}}}","statistics":{"play_count":5}}"""));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await GetPageAsync(host);

        var post = Assert.Single(page.Posts);
        Assert.Equal(5, post.Metrics.Views);
        Assert.Equal(FieldLimits.DescriptionLength, post.Description!.Length);
        Assert.EndsWith("c…", post.Description, StringComparison.Ordinal);
        Assert.Equal(1, page.CaptionsCut);
        Assert.Contains("cut to fit", host.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Text_WithNulAndControlCharacters_IsStoredWithoutThem()
    {
        Serve(Page("""{"aweme_id":"7000000000000000001","desc":"a\u0000b\u0007c\td\ne \ud83d\ude00","url":"https://www.tiktok.com/@x/video/1\u0000","statistics":{}}"""));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var post = Assert.Single((await GetPageAsync(host)).Posts);

        Assert.Equal("abc\td\ne \ud83d\ude00", post.Description);
        Assert.Null(post.ShareUrl);
    }

    [Theory]
    [InlineData(1_000, true)]
    [InlineData(1_001, false)]
    [InlineData(10_000, false)]
    public async Task PostsOnOnePage_PastAThousand_FailThePage(int count, bool accepted)
    {
        Serve(Page([.. Enumerable.Range(1, count).Select(n => Aweme($"{7_000_000_000_000_000_000 + n}", "{}"))]));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        if (accepted)
        {
            Assert.Equal(count, (await GetPageAsync(host)).Posts.Count);
            return;
        }

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => GetPageAsync(host));
        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains($"lists {count:N0} posts", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>Bad gateway</body></html>", "not the JSON expected")]
    [InlineData("", "not the JSON expected")]
    [InlineData("[1,2,3]", "not the JSON expected")]
    [InlineData("""{"success":true,"aweme_list":"lots"}""", "$.aweme_list")]
    [InlineData("""{"success":true,"aweme_list":[1,2]}""", "none of the page's 2 posts could be read; post 1: the post is a number")]
    [InlineData("""{"success":true,"aweme_list":[{"aweme_id":"1","statistics":[]}]}""", "$.aweme_list[0].statistics")]
    [InlineData("""{"success":true,"aweme_list":{"aweme_id":"1"}}""", "$.aweme_list")]
    public async Task Body_NotJsonOrNotTheExpectedShape_FailsThePageSayingWhere(string body, string expected)
    {
        Serve(body);
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => GetPageAsync(host));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_OverTheSizeCapWithoutAContentLength_FailsThePage()
    {
        var huge = Encoding.UTF8.GetBytes("{\"success\":true,\"aweme_list\":[],\"padding\":\"" + new string('x', CappedBodyReaderLimit + 1) + "\"}");
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithHeader("Transfer-Encoding", "chunked").WithBody(huge));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => GetPageAsync(host));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("larger than 10 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Body_ThatDrips_IsCutOffAfterTheAttemptTimeout()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet()).RespondWith(FakeScrapeCreators.Dripping(TimeSpan.FromMilliseconds(50)));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url, new Dictionary<string, string?>
        {
            ["ScrapeCreators:AttemptTimeout"] = "00:00:00.500",
            ["ScrapeCreators:TotalTimeout"] = "00:00:01",
            ["ScrapeCreators:MaxRetryAttempts"] = "0",
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(() => GetPageAsync(host));

        Assert.Equal(ScrapeErrorKind.Timeout, error.Kind);
        Assert.Contains("stopped sending", error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"The dripping body held the call for {clock.Elapsed}.");
    }

    private const int CappedBodyReaderLimit = 10 * 1024 * 1024;

    private static Task<PostsPage> GetPageAsync(ScrapeCreatorsTestHost host) =>
        host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

    private static string Aweme(string id, string statistics) =>
        $$"""{"aweme_id":"{{id}}","desc":"post {{id}}","create_time":1760621100,"statistics":{{statistics}}}""";

    private static string Page(params string[] awemes) =>
        $$"""{"success":true,"has_more":0,"max_cursor":0,"aweme_list":[{{string.Join(',', awemes)}}]}""";

    private void Serve(string body) =>
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
}
