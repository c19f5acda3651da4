using Refit;

namespace Monitor.Core.Scraping;

/// <summary>
/// The ScrapeCreators endpoints the monitor uses: two TikTok routes and two account routes (balance, daily usage). Responses come back raw so the client can cap the body size and
/// classify errors from status and body together (a 200 can still be a failure).
/// </summary>
public interface IScrapeCreatorsApi
{
    [Get("/v1/tiktok/profile")]
    Task<HttpResponseMessage> GetProfileAsync([AliasAs("handle")] string handle, CancellationToken cancellationToken);

    [Get("/v3/tiktok/profile/videos")]
    Task<HttpResponseMessage> GetProfileVideosAsync(
        [AliasAs("handle")] string handle,
        [AliasAs("user_id")] string? userId,
        [AliasAs("sort_by")] string sortBy,
        [AliasAs("max_cursor")] string? maxCursor,
        CancellationToken cancellationToken);

    [Get("/v1/account/credit-balance")]
    Task<HttpResponseMessage> GetCreditBalanceAsync(CancellationToken cancellationToken);

    [Get("/v1/account/get-daily-usage-count")]
    Task<HttpResponseMessage> GetDailyUsageAsync(CancellationToken cancellationToken);
}
