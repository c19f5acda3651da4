using System.Diagnostics;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Monitor.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace Monitor.Tests.Scraping;

public sealed class ScrapeCreatorsClientTests : IDisposable
{
    private const string Handle = "fixture.creator";
    private const string ProfilePath = "/v1/tiktok/profile";
    private const string VideosPath = "/v3/tiktok/profile/videos";

    private readonly FakeScrapeCreators _upstream = new();

    public void Dispose() => _upstream.Dispose();

    [Fact]
    public async Task GetProfileAsync_PublicProfile_ParsesUserAndStats()
    {
        Serve(ProfilePath, 200, FixtureFiles.Read("profile.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var profile = await host.Client.GetProfileAsync("@fixture.creator", CancellationToken.None);

        Assert.Equal("7296276699038890826", profile.UserId);
        Assert.Equal("fixture.creator", profile.Handle);
        Assert.Equal("Fixture Creator", profile.Nickname);
        Assert.Contains("cropcenter:1080:1080.jpeg", profile.AvatarUrl, StringComparison.Ordinal);
        Assert.Equal("Synthetic test account. Not a real creator.", profile.Bio);
        Assert.StartsWith("MS4wLjABAAAA", profile.SecUid, StringComparison.Ordinal);
        Assert.False(profile.IsPrivate);
        Assert.False(profile.Verified);
        Assert.Equal(15230, profile.FollowerCount);
        Assert.Equal(87, profile.FollowingCount);
        var request = Assert.Single(_upstream.Server.LogEntries).RequestMessage;
        Assert.Equal(Handle, request.Query!["handle"].ToString());
    }

    [Fact]
    public async Task GetPostsPageAsync_TwoPages_ParsesPostsAndSendsCursorVerbatim()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).WithParam("handle", Handle).WithParam("max_cursor", "1760140800000").UsingGet())
            .AtPriority(1)
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page2.json")));
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).WithParam("handle", Handle).UsingGet())
            .AtPriority(2)
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page1.json")));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var first = await host.Client.GetPostsPageAsync(Handle, "7296276699038890826", null, CancellationToken.None);
        var second = await host.Client.GetPostsPageAsync(Handle, "7296276699038890826", first.NextCursor, CancellationToken.None);

        Assert.Equal(5, first.Posts.Count);
        Assert.True(first.HasMore);
        Assert.Equal("1760140800000", first.NextCursor);
        Assert.Equal(3, second.Posts.Count);
        Assert.False(second.HasMore);
        Assert.All(first.Posts.Concat(second.Posts), p => Assert.Matches("^[0-9]{19}$", p.AwemeId));

        var top = first.Posts[0];
        Assert.Equal("7561810045865935646", top.AwemeId);
        Assert.Equal("Day 14 of the fixture challenge #fixture #test", top.Description);
        Assert.Equal(new DateTime(2025, 10, 16, 13, 25, 0, DateTimeKind.Utc), top.PostedAt);
        Assert.Equal(DateTimeKind.Utc, top.PostedAt!.Value.Kind);
        Assert.Equal(184230, top.Metrics.Views);
        Assert.Equal(20411, top.Metrics.Likes);
        Assert.Equal(388, top.Metrics.Comments);
        Assert.Equal(512, top.Metrics.Shares);
        Assert.Equal(1875, top.Metrics.Saves);
        Assert.Equal(23, top.DurationSeconds);
        Assert.Equal("https://www.tiktok.com/@fixture.creator/video/7561810045865935646", top.ShareUrl);
        Assert.Contains(".jpeg", top.CoverUrl, StringComparison.Ordinal);
        Assert.DoesNotContain(".heic", top.CoverUrl, StringComparison.Ordinal);

        var photo = first.Posts.Single(p => p.AwemeId == "7561107818686118166");
        Assert.Null(photo.DurationSeconds);
        Assert.Equal("", first.Posts.Single(p => p.AwemeId == "7560517689510116118").Description);
        Assert.Contains("<b>not html</b>", first.Posts[4].Description, StringComparison.Ordinal);

        var slideshow = second.Posts.Single(p => p.AwemeId == "7556664331189174550");
        Assert.Null(slideshow.Metrics.Views);
        Assert.NotNull(slideshow.Metrics.Likes);
        Assert.Equal(341120, first.Posts.Concat(second.Posts).Sum(p => p.Metrics.Likes));

        var requests = _upstream.Server.LogEntries.Select(e => e.RequestMessage).ToList();
        Assert.Equal(2, requests.Count);
        Assert.False(requests[0].Query!.ContainsKey("max_cursor"));
        Assert.Equal("1760140800000", requests[1].Query!["max_cursor"].ToString());
        Assert.All(requests, r =>
        {
            Assert.Equal("latest", r.Query!["sort_by"].ToString());
            Assert.Equal("7296276699038890826", r.Query!["user_id"].ToString());
            Assert.Equal(ScrapeCreatorsTestHost.ApiKey, r.Headers!["x-api-key"].ToString());
        });
    }

    [Fact]
    public async Task GetPostsPageAsync_UnknownUserId_OmitsUserIdParameter()
    {
        Serve(VideosPath, 200, FixtureFiles.Read("profile-videos-page1.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        var query = Assert.Single(_upstream.Server.LogEntries).RequestMessage.Query!;
        Assert.False(query.ContainsKey("user_id"));
        Assert.Equal(Handle, query["handle"].ToString());
    }

    [Fact]
    public async Task GetPostsPageAsync_EmptyFeedWithBooleanHasMore_ReturnsLastEmptyPage()
    {
        Serve(VideosPath, 200, FixtureFiles.Read("profile-videos-empty.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        Assert.Empty(page.Posts);
        Assert.False(page.HasMore);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task GetPostsPageAsync_NumericIdsAndStringHasMore_AreTolerated()
    {
        const string body = """
            {"success":"true","credits_remaining":"not a number","has_more":"true","max_cursor":"1760140800000",
             "aweme_list":[{"aweme_id":7561810045865935646,"desc":"n","create_time":"1760621100",
               "statistics":{"play_count":"42","digg_count":7},"video":{"duration":1499.0}}]}
            """;
        Serve(VideosPath, 200, body);
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        var post = Assert.Single(page.Posts);
        Assert.Equal("7561810045865935646", post.AwemeId);
        Assert.Equal(42, post.Metrics.Views);
        Assert.Equal(7, post.Metrics.Likes);
        Assert.Null(post.Metrics.Comments);
        Assert.Equal(1, post.DurationSeconds);
        Assert.True(page.HasMore);
        Assert.Equal("1760140800000", page.NextCursor);
    }

    [Fact]
    public async Task GetPostsPageAsync_HasMoreWithZeroCursor_EndsFeed()
    {
        Serve(VideosPath, 200, """{"success":true,"aweme_list":[],"has_more":1,"max_cursor":0}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        Assert.False(page.HasMore);
        Assert.Null(page.NextCursor);
    }

    [Fact]
    public async Task GetProfileAsync_PrivateProfile_IsPrivate()
    {
        Serve(ProfilePath, 200, FixtureFiles.Read("profile-private.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var profile = await host.Client.GetProfileAsync("fixture.private", CancellationToken.None);

        Assert.True(profile.IsPrivate);
        Assert.Equal("7284773058339794957", profile.UserId);
    }

    [Fact]
    public async Task GetPostsPageAsync_RateLimitedOnceWithRetryAfter_Succeeds()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet()).InScenario("429").WillSetStateTo("ok")
            .RespondWith(Json(429, """{"success":false,"message":"Too many requests"}""").WithHeader("Retry-After", "1"));
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet()).InScenario("429").WhenStateIs("ok")
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page1.json")));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);
        var clock = Stopwatch.StartNew();

        var page = await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        Assert.Equal(5, page.Posts.Count);
        Assert.Equal(2, _upstream.Server.LogEntries.Count);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(900), $"Retry-After was not honoured ({clock.Elapsed}).");
    }

    [Fact]
    public async Task GetPostsPageAsync_RateLimitedForever_ThrowsRateLimitedAfterRetries()
    {
        Serve(VideosPath, 429, """{"success":false,"message":"Too many requests"}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url, new Dictionary<string, string?> { ["ScrapeCreators:MaxRetryAttempts"] = "2" });

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Contains("Too many requests", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, _upstream.Server.LogEntries.Count);
    }

    [Fact]
    public async Task GetPostsPageAsync_RetryAfterBeyondCap_FailsFastAsRateLimited()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Json(429, """{"success":false,"message":"slow down"}""").WithHeader("Retry-After", "3600"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.RateLimited, error.Kind);
        Assert.Contains("3600", error.Message, StringComparison.Ordinal);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetPostsPageAsync_ServerErrorOnce_Succeeds()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet()).InScenario("500").WillSetStateTo("ok")
            .RespondWith(Json(500, """{"success":false,"message":"boom"}"""));
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet()).InScenario("500").WhenStateIs("ok")
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page2.json")));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var page = await host.Client.GetPostsPageAsync(Handle, null, "1760140800000", CancellationToken.None);

        Assert.Equal(3, page.Posts.Count);
        Assert.Equal(2, _upstream.Server.LogEntries.Count);
    }

    [Fact]
    public async Task GetPostsPageAsync_ServerErrorForever_ThrowsUpstreamUnavailable()
    {
        Serve(VideosPath, 503, "<html><body>Service Unavailable</body></html>", "text/html");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url, new Dictionary<string, string?> { ["ScrapeCreators:MaxRetryAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.UpstreamUnavailable, error.Kind);
        Assert.Contains("Service Unavailable", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsRetryable);
        Assert.Equal(2, _upstream.Server.LogEntries.Count);
    }

    [Fact]
    public async Task GetPostsPageAsync_UpstreamHangs_ThrowsTimeout()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page1.json")).WithDelay(TimeSpan.FromSeconds(2)));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url, new Dictionary<string, string?>
        {
            ["ScrapeCreators:AttemptTimeout"] = "00:00:00.200",
            ["ScrapeCreators:TotalTimeout"] = "00:00:00.600",
            ["ScrapeCreators:MaxRetryAttempts"] = "1",
        });
        var clock = Stopwatch.StartNew();

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.Timeout, error.Kind);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1.5), $"The timeout did not cut the call short ({clock.Elapsed}).");
    }

    [Fact]
    public async Task GetPostsPageAsync_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        _upstream.Server.Given(Request.Create().WithPath(VideosPath).UsingGet())
            .RespondWith(Json(200, FixtureFiles.Read("profile-videos-page1.json")).WithDelay(TimeSpan.FromSeconds(2)));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, cancellation.Token));
    }

    [Fact]
    public async Task GetPostsPageAsync_MalformedJson_ThrowsInvalidResponse()
    {
        Serve(VideosPath, 200, """{"success":true,"aweme_list":[{"aweme_id":"1""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetPostsPageAsync_PayloadMissing_ThrowsInvalidResponse()
    {
        Serve(VideosPath, 200, """{"success":true,"credits_remaining":3}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("aweme_list", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsPageAsync_SuccessFalseOn200_ThrowsInvalidResponse()
    {
        Serve(VideosPath, 200, """{"success":false,"aweme_list":[],"message":"Scrape failed, try again"}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("Scrape failed, try again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsPageAsync_OversizedBody_ThrowsInvalidResponse()
    {
        var huge = "{\"success\":true,\"aweme_list\":[],\"padding\":\"" + new string('x', 11 * 1024 * 1024) + "\"}";
        Serve(VideosPath, 200, huge);
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.InvalidResponse, error.Kind);
        Assert.Contains("10 MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetProfileAsync_Unauthorized_ThrowsWithoutRetry()
    {
        Serve(ProfilePath, 401, FixtureFiles.Read("error-401.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync(Handle, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.Unauthorized, error.Kind);
        Assert.Equal(401, error.StatusCode);
        Assert.False(error.IsRetryable);
        Assert.Contains("Invalid API key", error.Message, StringComparison.Ordinal);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetPostsPageAsync_OutOfCredits_ThrowsWithoutRetry()
    {
        Serve(VideosPath, 402, FixtureFiles.Read("error-402.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.OutOfCredits, error.Kind);
        Assert.Contains("out of credits", error.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetProfileAsync_BadRequest_ThrowsWithoutRetry()
    {
        Serve(ProfilePath, 400, """{"success":false,"error":"handle is required"}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync(Handle, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.BadRequest, error.Kind);
        Assert.Contains("handle is required", error.Message, StringComparison.Ordinal);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetProfileAsync_NotFound_ThrowsAccountNotFoundWithoutRetry()
    {
        Serve(ProfilePath, 404, """{"success":false,"message":"Not found"}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync("nobody.here", CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.AccountNotFound, error.Kind);
        Assert.Single(_upstream.Server.LogEntries);
    }

    [Fact]
    public async Task GetProfileAsync_AccountDoesNotExistBodyOn200_ThrowsAccountNotFound()
    {
        Serve(ProfilePath, 200, FixtureFiles.Read("error-404-or-private.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync("nobody.here", CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.AccountNotFound, error.Kind);
        Assert.Contains("Account doesn't exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetPostsPageAsync_AccountDoesNotExistBodyOn200_ThrowsAccountNotFound()
    {
        Serve(VideosPath, 200, FixtureFiles.Read("error-404-or-private.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetPostsPageAsync("nobody.here", null, null, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.AccountNotFound, error.Kind);
    }

    [Fact]
    public async Task GetProfileAsync_NobodyListening_ThrowsNetwork()
    {
        var url = _upstream.Url;
        _upstream.Dispose();
        using var host = ScrapeCreatorsTestHost.Live(url, new Dictionary<string, string?> { ["ScrapeCreators:MaxRetryAttempts"] = "1" });

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync(Handle, CancellationToken.None));

        Assert.Equal(ScrapeErrorKind.Network, error.Kind);
    }

    [Fact]
    public async Task GetPostsPageAsync_RepeatedFailures_OpenTheCircuit()
    {
        Serve(VideosPath, 500, """{"success":false,"message":"boom"}""");
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url, new Dictionary<string, string?> { ["ScrapeCreators:MaxRetryAttempts"] = "0" });
        var kinds = new List<ScrapeErrorKind>();

        for (var call = 0; call < 12; call++)
        {
            var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
                () => host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None));
            kinds.Add(error.Kind);
        }

        Assert.Equal(ScrapeErrorKind.UpstreamUnavailable, kinds[0]);
        Assert.Equal(ScrapeErrorKind.CircuitOpen, kinds[^1]);
        Assert.True(_upstream.Server.LogEntries.Count < 12, "The open circuit still let calls through.");
    }

    [Fact]
    public async Task ApiKey_ErrorsAndLogs_NeverContainTheKey()
    {
        // A hostile or careless upstream echoing the key back must not leak it into messages either.
        Serve(ProfilePath, 401, $$"""{"success":false,"message":"Key {{ScrapeCreatorsTestHost.ApiKey}} is not valid"}""");
        Serve(VideosPath, 200, FixtureFiles.Read("profile-videos-page1.json"));
        using var host = ScrapeCreatorsTestHost.Live(_upstream.Url);

        var error = await Assert.ThrowsAsync<ScrapeCreatorsException>(
            () => host.Client.GetProfileAsync(Handle, CancellationToken.None));
        await host.Client.GetPostsPageAsync(Handle, null, null, CancellationToken.None);

        Assert.DoesNotContain(ScrapeCreatorsTestHost.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ScrapeCreatorsTestHost.ApiKey, error.ToString(), StringComparison.Ordinal);
        // The client has no request logging of the HTTP client factory (no header is logged at all); what is logged,
        // the resilience pipeline's lines among them, never holds the key.
        Assert.Contains(host.Logs.Lines, l => l.Contains("Resilience", StringComparison.Ordinal));
        Assert.DoesNotContain("x-api-key", host.Logs.AllText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ScrapeCreatorsTestHost.ApiKey, host.Logs.AllText, StringComparison.Ordinal);
        Assert.All(_upstream.Server.LogEntries, e => Assert.Equal(ScrapeCreatorsTestHost.ApiKey, e.RequestMessage.Headers!["x-api-key"].ToString()));
    }

    private void Serve(string path, int status, string body, string contentType = "application/json") =>
        _upstream.Server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(Json(status, body, contentType));

    private static IResponseBuilder Json(int status, string body, string contentType = "application/json") =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", contentType).WithBody(body);
}
