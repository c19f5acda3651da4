using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping.Posts;
using Monitor.Core.Scraping.Wire;
using Refit;

namespace Monitor.Core.Scraping;

/// <summary>
/// The ScrapeCreators TikTok calls the monitor makes. One method call is one upstream request (plus the pipeline's own
/// retries); every failure surfaces as a <see cref="ScrapeCreatorsException"/>, except caller cancellation.
/// </summary>
public sealed class ScrapeCreatorsClient(
    IScrapeCreatorsApi api,
    IOptionsMonitor<ScrapeCreatorsOptions> options,
    TimeProvider timeProvider,
    ILogger<ScrapeCreatorsClient> logger)
{
    public const string SortLatest = "latest";

    private const int MaxHandleLength = 64;

    public async Task<UpstreamProfile> GetProfileAsync(string handle, CancellationToken cancellationToken)
    {
        var cleanHandle = NormalizeHandle(handle);
        var body = await SendAsync(token => api.GetProfileAsync(cleanHandle, token), cancellationToken);
        var response = Deserialize<ProfileResponse>(body);
        var apiKey = options.CurrentValue.ApiKey;

        if (response.User is null)
        {
            throw ScrapeCreatorsErrors.FromMissingPayload("user", response.Error, response.Message, apiKey);
        }

        if (response.Success == false)
        {
            throw ScrapeCreatorsErrors.FromMissingPayload("success", response.Error, response.Message, apiKey);
        }

        if (!WireMapper.IsUsableUserId(response.User.Id))
        {
            throw ScrapeCreatorsErrors.InvalidBody("the profile has no usable user id");
        }

        return WireMapper.ToProfile(response.User, response.Stats, cleanHandle);
    }

    public async Task<PostsPage> GetPostsPageAsync(string handle, string? userId, string? cursor, CancellationToken cancellationToken)
    {
        var cleanHandle = NormalizeHandle(handle);
        var cleanUserId = string.IsNullOrWhiteSpace(userId) ? null : userId.Trim();
        var cleanCursor = IsEndCursor(cursor) ? null : cursor!.Trim();
        var body = await SendAsync(
            token => api.GetProfileVideosAsync(cleanHandle, cleanUserId, SortLatest, cleanCursor, token), cancellationToken);
        var response = Deserialize<VideosResponse>(body);
        var apiKey = options.CurrentValue.ApiKey;

        if (response.AwemeList is null)
        {
            throw ScrapeCreatorsErrors.FromMissingPayload("aweme_list", response.Error, response.Message, apiKey);
        }

        if (response.Success == false)
        {
            throw ScrapeCreatorsErrors.FromMissingPayload("success", response.Error, response.Message, apiKey);
        }

        var page = PostsPageMapper.Map(response.AwemeList);
        if (page.CaptionsCut > 0)
        {
            logger.LogWarning("A page of @{Handle} had {Count} caption(s) longer than {Limit} characters; they were cut to fit",
                cleanHandle, page.CaptionsCut, FieldLimits.DescriptionLength);
        }

        if (page.OddPosts.Count > 0)
        {
            logger.LogWarning("A page of @{Handle} had {Count} odd post(s), the rest written: {OddPosts}",
                cleanHandle, page.OddPosts.Count, string.Join("; ", page.OddPosts.Select(o => o.Describe())));
        }

        var nextCursor = IsEndCursor(response.MaxCursor) ? null : WireMapper.Truncate(response.MaxCursor!.Trim(), 64);
        // Either signal ends the feed: has_more false, or no cursor to continue from. A trimmed answer has no has_more
        // at all: that is "unknown", not the end, and paging goes on while there is a cursor (an empty page ends it).
        var hasMore = (response.HasMore ?? true) && nextCursor is not null;
        return new PostsPage(page.Posts, hasMore, nextCursor)
        {
            CaptionsCut = page.CaptionsCut,
            OddPosts = page.OddPosts,
            HasMoreKnown = response.HasMore is not null,
            Author = FeedAuthorMapper.Find([.. response.AwemeList.Select(item => item.Aweme)], cleanHandle, cleanUserId),
        };
    }

    /// <returns>The account's credit balance (<c>/v1/account/credit-balance</c>), or null when the answer has none.</returns>
    public async Task<long?> GetCreditBalanceAsync(CancellationToken cancellationToken) =>
        ParseAccount(await SendAsync(api.GetCreditBalanceAsync, cancellationToken), AccountAnswers.ParseBalance);

    /// <returns>The provider's daily usage (<c>/v1/account/get-daily-usage-count</c>, about 30 days).</returns>
    public async Task<IReadOnlyList<ProviderUsageDay>> GetDailyUsageAsync(CancellationToken cancellationToken) =>
        ParseAccount(await SendAsync(api.GetDailyUsageAsync, cancellationToken), AccountAnswers.ParseDailyUsage);

    private static T ParseAccount<T>(byte[] body, Func<byte[], T> parse)
    {
        try
        {
            return parse(body);
        }
        catch (JsonException e)
        {
            throw ScrapeCreatorsErrors.InvalidBody(ScrapeCreatorsErrors.DescribeJsonError(e), e);
        }
    }

    private static bool IsEndCursor(string? cursor) =>
        string.IsNullOrWhiteSpace(cursor) || cursor.Trim() is "0" or "null" or "false";

    private static string NormalizeHandle(string handle)
    {
        var clean = handle?.Trim().TrimStart('@').Trim() ?? "";
        if (clean.Length is 0 or > MaxHandleLength)
        {
            throw new ScrapeCreatorsException(ScrapeErrorKind.BadRequest, "A TikTok handle of 1 to 64 characters is required.");
        }

        return clean;
    }

    private static T Deserialize<T>(byte[] body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, WireJson.Options)
                ?? throw ScrapeCreatorsErrors.InvalidBody("the body was JSON null");
        }
        catch (JsonException e)
        {
            throw ScrapeCreatorsErrors.InvalidBody(ScrapeCreatorsErrors.DescribeJsonError(e), e);
        }
    }

    private async Task<byte[]> SendAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, CancellationToken cancellationToken)
    {
        var current = options.CurrentValue;
        try
        {
            using var response = await send(cancellationToken);
            var body = await ReadBodyAsync(response, current, cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw ScrapeCreatorsErrors.FromStatus(response.StatusCode, body, response.Headers.RetryAfter, current.ApiKey);
            }

            return body;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (ApiRequestException e) when (e.InnerException is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            // Refit wraps transport failures; the caller's own cancellation still surfaces as a cancellation.
            throw new OperationCanceledException("The ScrapeCreators call was cancelled.", e.InnerException, cancellationToken);
        }
        catch (Exception e) when (e is not ScrapeCreatorsException
            && ScrapeCreatorsErrors.FromException(e is ApiRequestException { InnerException: { } inner } ? inner : e, current) is { } error)
        {
            throw error;
        }
    }

    // The resilience pipeline only times the headers; the body gets its own attempt-sized budget and a size cap.
    private async Task<byte[]> ReadBodyAsync(HttpResponseMessage response, ScrapeCreatorsOptions current, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(current.AttemptTimeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await CappedBodyReader.ReadAsync(response.Content, linked.Token);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new ScrapeCreatorsException(ScrapeErrorKind.Timeout, "ScrapeCreators stopped sending the response body.", null, e);
        }
    }
}
