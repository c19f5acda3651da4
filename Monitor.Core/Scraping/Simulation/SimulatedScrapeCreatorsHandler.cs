using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using System.Web;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// Stands in for api.scrapecreators.com when no API key is configured: the primary handler of the same client, so the
/// app runs end to end offline. Any valid handle gets a deterministic account whose counters grow with time. Handles
/// containing "private" answer a private profile and an empty feed; handles starting with "missing" answer the real
/// API's HTTP 200 "Account doesn't exist" body; handles containing "banned" answer a banned account. With "later" in
/// the handle too (e.g. <c>private.later</c>, <c>banned.later</c>, <c>missing.later</c>) the first profile lookup
/// (adding the profile) sees a public account, and the runs after it find the state: a profile that turned. The account
/// routes answer a balance and a daily usage report from its own count of requests (<see cref="SimulatedUsage"/>).
/// </summary>
public sealed partial class SimulatedScrapeCreatorsHandler(TimeProvider timeProvider, TimeSpan latency) : HttpMessageHandler
{
    // Process-wide: the client factory rotates handler instances, and a turned account must stay turned.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> LookedUp = new(StringComparer.OrdinalIgnoreCase);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (latency > TimeSpan.Zero)
        {
            await Task.Delay(latency, timeProvider, cancellationToken);
        }

        var (status, body) = Answer(request);
        if (!(request.RequestUri?.AbsolutePath ?? "").StartsWith("/v1/account/", StringComparison.OrdinalIgnoreCase))
        {
            SimulatedUsage.Count(timeProvider.GetUtcNow());
        }

        return new HttpResponseMessage(status)
        {
            RequestMessage = request,
            Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } },
        };
    }

    private (HttpStatusCode Status, byte[] Body) Answer(HttpRequestMessage request)
    {
        var path = request.RequestUri?.AbsolutePath.TrimEnd('/') ?? "";
        var query = HttpUtility.ParseQueryString(request.RequestUri?.Query ?? "");
        var handle = query["handle"]?.Trim().TrimStart('@') ?? "";
        var isProfile = path.Equals("/v1/tiktok/profile", StringComparison.OrdinalIgnoreCase);
        var isVideos = path.Equals("/v3/tiktok/profile/videos", StringComparison.OrdinalIgnoreCase);
        if (request.Method == HttpMethod.Get && path.Equals("/v1/account/credit-balance", StringComparison.OrdinalIgnoreCase))
        {
            return (HttpStatusCode.OK, SimulatedUsage.Balance());
        }

        if (request.Method == HttpMethod.Get && path.Equals("/v1/account/get-daily-usage-count", StringComparison.OrdinalIgnoreCase))
        {
            return (HttpStatusCode.OK, SimulatedUsage.DailyUsage(timeProvider.GetUtcNow()));
        }

        if (request.Method != HttpMethod.Get || (!isProfile && !isVideos))
        {
            return (HttpStatusCode.NotFound, SimulatedResponses.Failure("Not found"));
        }

        if (!ValidHandle().IsMatch(handle))
        {
            return (HttpStatusCode.BadRequest, SimulatedResponses.Failure("Invalid or missing handle"));
        }

        var account = SimulatedAccount.For(handle);
        var now = timeProvider.GetUtcNow();
        var stillPublic = account.ChangesLater && isProfile && LookedUp.TryAdd(handle, true);
        if (account.IsMissing && !stillPublic)
        {
            return (HttpStatusCode.OK, SimulatedResponses.AccountMissing());
        }

        if (account.IsBanned && !stillPublic)
        {
            return (HttpStatusCode.OK, SimulatedResponses.AccountBanned());
        }

        if (isProfile)
        {
            return (HttpStatusCode.OK, SimulatedResponses.Profile(account, now, account.IsPrivate && !stillPublic));
        }

        if (account.IsPrivate)
        {
            return (HttpStatusCode.OK, SimulatedResponses.EmptyFeed());
        }

        long? cursor = null;
        if (query["max_cursor"] is { Length: > 0 } cursorText)
        {
            if (!long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed))
            {
                return (HttpStatusCode.BadRequest, SimulatedResponses.Failure("Invalid max_cursor"));
            }

            cursor = parsed == 0 ? null : parsed;
        }

        return (HttpStatusCode.OK, Page(account, cursor, now));
    }

    private static byte[] Page(SimulatedAccount account, long? cursor, DateTimeOffset now)
    {
        // The cursor is the time of the last post already served: the next page starts strictly before it.
        var remaining = account.PostsAt(now).Where(p => cursor is null || p.CursorMilliseconds < cursor).ToList();
        if (remaining.Count == 0)
        {
            return SimulatedResponses.VideosPage(account, [], hasMore: false, maxCursor: 0, now);
        }

        var page = remaining.Take(account.PageSizeStartingAt(remaining[0].Index)).ToList();
        var hasMore = remaining.Count > page.Count;
        return SimulatedResponses.VideosPage(account, page, hasMore, page[^1].CursorMilliseconds, now);
    }

    [GeneratedRegex("^[A-Za-z0-9._]{1,64}$")]
    private static partial Regex ValidHandle();
}
