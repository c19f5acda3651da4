using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The one fake upstream: a local ScrapeCreators look-alike (WireMock.Net on 127.0.0.1) that the app's real client
/// (Refit, resilience) talks to over HTTP. Tests script it per handle (the fixtures, any fault on top); the benchmarks
/// compile this file too and serve <see cref="SyntheticCreators"/> from it.
/// </summary>
public sealed class FakeScrapeCreators : IDisposable
{
    public const string ApiKey = "sc-fake-key-for-tests";
    public const string ProfilePath = "/v1/tiktok/profile";
    public const string VideosPath = "/v3/tiktok/profile/videos";

    private static readonly Guid SyntheticProfileMapping = new("5f1c0a52-6d0e-4c36-9a53-8d6f3b1e2a01");
    private static readonly Guid SyntheticVideosMapping = new("5f1c0a52-6d0e-4c36-9a53-8d6f3b1e2a02");

    private readonly WireMockServer _server;

    /// <param name="keepRequestLog">
    /// False for a long benchmark: every answered request (its body included) would otherwise stay in memory, and the
    /// request counts below read zero.
    /// </param>
    public FakeScrapeCreators(bool keepRequestLog = true) =>
        _server = WireMockServer.Start(new WireMockServerSettings { MaxRequestLogCount = keepRequestLog ? null : 0 });

    public string Url => _server.Url!;

    /// <summary>The server itself, for a test of the client that scripts the wire answers (headers, bodies, timing) on its own.</summary>
    public WireMockServer Server => _server;

    /// <summary>Configuration that points the app's client here, with retries and delays made small.</summary>
    public Dictionary<string, string?> Settings => new()
    {
        ["ScrapeCreators:ApiKey"] = ApiKey,
        ["ScrapeCreators:BaseUrl"] = Url,
        ["ScrapeCreators:AttemptTimeout"] = "00:00:02",
        ["ScrapeCreators:TotalTimeout"] = "00:00:08",
        ["ScrapeCreators:MaxRetryAttempts"] = "2",
        ["ScrapeCreators:RetryBaseDelay"] = "00:00:00.010",
        ["ScrapeCreators:MaxRetryAfter"] = "00:00:01",
        ["Monitoring:PageDelay"] = "00:00:00",
        // Pages written in code carry no author counters: with the daily profile call on, every first run would make one
        // more request than the pages the tests count. The account-history tests turn it on.
        ["Monitoring:AccountCounters:DailyProfileCall"] = "false",
    };

    public const string BalancePath = "/v1/account/credit-balance";
    public const string DailyUsagePath = "/v1/account/get-daily-usage-count";

    public int VideoRequests => _server.LogEntries.Count(e => e.RequestMessage.Path == VideosPath);

    public int ProfileRequests => _server.LogEntries.Count(e => e.RequestMessage.Path == ProfilePath);

    /// <summary>Every request this fake answered, except the account routes (which cost nothing): what the ledger must count.</summary>
    public int ChargeableRequests => _server.LogEntries.Count(e => !e.RequestMessage.Path.StartsWith("/v1/account/", StringComparison.Ordinal));

    /// <summary>The account routes: a balance and a daily usage report (bodies as the provider sends them).</summary>
    public FakeScrapeCreators ServeAccount(string balanceBody, string dailyUsageBody)
    {
        ServeBalance(balanceBody);
        _server.Given(Request.Create().WithPath(DailyUsagePath).UsingGet()).RespondWith(Json(200, dailyUsageBody));
        return this;
    }

    /// <summary>The balance route alone (the daily usage report then answers 404).</summary>
    public FakeScrapeCreators ServeBalance(string body)
    {
        _server.Given(Request.Create().WithPath(BalancePath).UsingGet()).RespondWith(Json(200, body));
        return this;
    }

    /// <param name="priority">Lower wins; give one to replace an earlier answer for the same handle.</param>
    public void ServeProfile(string handle, int status, string body, int priority = 5) =>
        _server.Given(Request.Create().WithPath(ProfilePath).WithParam("handle", handle).UsingGet())
            .AtPriority(priority)
            .RespondWith(Json(status, body));

    /// <summary>A page of the feed; a specific cursor wins over the catch-all first page (cursor null).</summary>
    public void ServeVideos(string handle, string? cursor, int status, string body) => ServeVideos(handle, cursor, Json(status, body));

    /// <summary>A page of the feed answered by <paramref name="response"/>, e.g. <see cref="Dripping"/>.</summary>
    public void ServeVideos(string handle, string? cursor, IResponseBuilder response)
    {
        var request = Request.Create().WithPath(VideosPath).WithParam("handle", handle).UsingGet();
        if (cursor is not null)
        {
            request = request.WithParam("max_cursor", cursor);
        }

        _server.Given(request).AtPriority(cursor is null ? 10 : 1).RespondWith(response);
    }

    /// <summary>A page answered by code, e.g. to act while the run is between two pages.</summary>
    public void ServeVideos(string handle, string cursor, Func<string> respond) =>
        _server.Given(Request.Create().WithPath(VideosPath).WithParam("handle", handle).WithParam("max_cursor", cursor).UsingGet())
            .AtPriority(1)
            .RespondWith(Response.Create().WithCallback(_ => new ResponseMessage
            {
                StatusCode = 200,
                Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                BodyData = new BodyData { BodyAsString = respond(), DetectedBodyType = BodyType.String },
            }));

    /// <summary>WireMock refuses a zero delay: no latency is no delay at all.</summary>
    private static IResponseBuilder Delayed(TimeSpan latency) =>
        latency > TimeSpan.Zero ? Response.Create().WithDelay(latency) : Response.Create();

    /// <summary>
    /// Every handle is a creator of <paramref name="creators"/>; each profile and videos request answers after
    /// <paramref name="latency"/>. Called again, it replaces the two answers (a new latency, the creators kept).
    /// </summary>
    public FakeScrapeCreators ServeSyntheticCreators(SyntheticCreators creators, TimeSpan latency)
    {
        ArgumentNullException.ThrowIfNull(creators);
        _server.Given(Request.Create().WithPath(ProfilePath).UsingGet()).WithGuid(SyntheticProfileMapping).AtPriority(50)
            .RespondWith(Delayed(latency).WithCallback(request => JsonMessage(SyntheticCreators.Profile(Param(request, "handle")!))));
        _server.Given(Request.Create().WithPath(VideosPath).UsingGet()).WithGuid(SyntheticVideosMapping).AtPriority(50)
            .RespondWith(Delayed(latency).WithCallback(request => JsonMessage(creators.Videos(Param(request, "handle")!, Param(request, "max_cursor")))));
        return this;
    }

    /// <summary>
    /// Every videos request for <paramref name="handle"/> answered by code (above the other mappings of that handle):
    /// the cursor (null on the first page) gives the status and body. The callback may block, to hold a run mid-page.
    /// </summary>
    public void ServeFeed(string handle, Func<string?, (int Status, string Body)> respond, TimeSpan? latency = null) =>
        _server.Given(Request.Create().WithPath(VideosPath).WithParam("handle", handle).UsingGet())
            .AtPriority(0)
            .RespondWith((latency is { } delay && delay > TimeSpan.Zero ? Response.Create().WithDelay(delay) : Response.Create()).WithCallback(request =>
            {
                var cursor = request.Query is { } query && query.TryGetValue("max_cursor", out var values) ? values.FirstOrDefault() : null;
                var (status, body) = respond(cursor);
                return new ResponseMessage
                {
                    StatusCode = status,
                    Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
                    BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
                };
            }));

    /// <summary>Every videos request answers this, whatever the cursor (above all other mappings).</summary>
    public void ServeAllVideos(int status, string body, int? retryAfterSeconds = null)
    {
        var response = Json(status, body);
        if (retryAfterSeconds is { } seconds)
        {
            response = response.WithHeader("Retry-After", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        _server.Given(Request.Create().WithPath(VideosPath).UsingGet()).AtPriority(0).RespondWith(response);
    }

    /// <summary>Every videos request hangs for <paramref name="delay"/> before answering.</summary>
    public void ServeAllVideosAfter(TimeSpan delay, string body) =>
        _server.Given(Request.Create().WithPath(VideosPath).UsingGet()).AtPriority(0).RespondWith(Json(200, body).WithDelay(delay));

    /// <summary>
    /// A 200 whose status and headers come at once, then a body that drips a byte every <paramref name="interval"/>
    /// and would take minutes to end.
    /// </summary>
    public static IResponseBuilder Dripping(TimeSpan interval) =>
        Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithSseBody(async (_, queue) =>
        {
            queue.Write("{\"success\":true,\"aweme_list\":[");
            for (var i = 0; i < 3_000; i++)
            {
                await Task.Delay(interval);
                queue.Write(" ");
            }

            queue.Close();
        });

    private static string? Param(IRequestMessage request, string name) =>
        request.Query is { } query && query.TryGetValue(name, out var values) ? values.FirstOrDefault() : null;

    private static ResponseMessage JsonMessage(string body) => new()
    {
        StatusCode = 200,
        Headers = new Dictionary<string, WireMockList<string>> { ["Content-Type"] = new("application/json") },
        BodyData = new BodyData { BodyAsString = body, DetectedBodyType = BodyType.String },
    };

    public void Reset() => _server.ResetMappings();

    public void Dispose() => _server.Stop();

    private static IResponseBuilder Json(int status, string body) =>
        Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
}
