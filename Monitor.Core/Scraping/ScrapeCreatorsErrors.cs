using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Monitor.Core.Common;
using Polly.CircuitBreaker;
using Polly.RateLimiting;
using Polly.Timeout;

namespace Monitor.Core.Scraping;

/// <summary>Turns statuses, bodies and transport failures into <see cref="ScrapeCreatorsException"/>s with readable messages.</summary>
internal static class ScrapeCreatorsErrors
{
    public const int MaxMessageLength = 300;

    public static ScrapeCreatorsException FromStatus(HttpStatusCode status, byte[] body, RetryConditionHeaderValue? retryAfter, string? apiKey)
    {
        var code = (int)status;
        var detail = ExtractMessage(body, apiKey);
        var (kind, summary) = code switch
        {
            400 => (ScrapeErrorKind.BadRequest, "rejected the request"),
            401 or 403 => (ScrapeErrorKind.Unauthorized, "refused the API key"),
            402 => (ScrapeErrorKind.OutOfCredits, "says the account is out of credits"),
            404 => (ScrapeErrorKind.AccountNotFound, "found no such account"),
            408 => (ScrapeErrorKind.Timeout, "timed out"),
            429 => (ScrapeErrorKind.RateLimited, "is rate limiting" + FormatRetryAfter(retryAfter)),
            >= 500 => (ScrapeErrorKind.UpstreamUnavailable, "is unavailable"),
            _ => (ScrapeErrorKind.BadRequest, "rejected the request"),
        };
        var message = $"ScrapeCreators {summary} (HTTP {code})";
        return new ScrapeCreatorsException(kind, detail is null ? message + "." : $"{message}: {detail}", code);
    }

    /// <summary>A 200 whose payload is missing: an "Account doesn't exist" error, or something the client cannot use.</summary>
    public static ScrapeCreatorsException FromMissingPayload(string payload, string? error, string? message, string? apiKey)
    {
        var detail = Sanitize(message ?? error, apiKey);
        if (detail is not null && LooksLikeBannedAccount(detail))
        {
            return new ScrapeCreatorsException(ScrapeErrorKind.AccountBanned, $"ScrapeCreators says the account is banned: {detail}", 200);
        }

        if (detail is not null && LooksLikeMissingAccount(detail))
        {
            return new ScrapeCreatorsException(ScrapeErrorKind.AccountNotFound, $"ScrapeCreators found no such account: {detail}", 200);
        }

        return new ScrapeCreatorsException(
            ScrapeErrorKind.InvalidResponse,
            detail is null ? $"ScrapeCreators answered without '{payload}'." : $"ScrapeCreators answered without '{payload}': {detail}",
            200);
    }

    public static ScrapeCreatorsException InvalidBody(string reason, Exception? inner = null) =>
        new(ScrapeErrorKind.InvalidResponse, $"ScrapeCreators sent an unreadable body: {reason}", 200, inner);

    /// <summary>
    /// A JSON failure in words: what was wrong (a converter's own message, or the serializer's) and where
    /// (e.g. <c>$.aweme_list[3].statistics.play_count</c>), without the serializer's line and byte noise.
    /// </summary>
    /// <param name="root">Where the value read stands in the body, for a part read on its own (one post of a page).</param>
    public static string DescribeJsonError(JsonException exception, string root = "$")
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(root);
        var message = exception.Message;
        var pathStart = message.IndexOf(" Path: ", StringComparison.Ordinal);
        if (pathStart >= 0)
        {
            message = message[..pathStart];
        }

        var path = string.IsNullOrEmpty(exception.Path) ? root : root + exception.Path[1..];
        var where = path == "$" ? "" : $" at {path}";
        return $"not the JSON expected{where}: {Sanitize(message, null) ?? "unreadable"}";
    }

    /// <summary>Maps transport and resilience failures. Caller cancellation is filtered out before this is called.</summary>
    public static ScrapeCreatorsException? FromException(Exception exception, ScrapeCreatorsOptions options) => exception switch
    {
        TimeoutRejectedException e => new ScrapeCreatorsException(ScrapeErrorKind.Timeout,
            $"ScrapeCreators did not answer in time (per attempt {options.AttemptTimeout.TotalSeconds:0.###} s, " +
            $"in total {options.TotalTimeout.TotalSeconds:0.###} s).", null, e),
        BrokenCircuitException e => new ScrapeCreatorsException(ScrapeErrorKind.CircuitOpen,
            "ScrapeCreators calls are paused after repeated failures (circuit open); try again shortly.", null, e),
        RateLimiterRejectedException e => new ScrapeCreatorsException(ScrapeErrorKind.RateLimited,
            "Too many ScrapeCreators calls in flight; try again shortly.", null, e),
        OperationCanceledException e => new ScrapeCreatorsException(ScrapeErrorKind.Timeout,
            "ScrapeCreators did not answer in time.", null, e),
        HttpRequestException e => new ScrapeCreatorsException(ScrapeErrorKind.Network,
            $"Could not reach ScrapeCreators: {Sanitize(e.Message, options.ApiKey) ?? "network error"}", null, e),
        IOException e => new ScrapeCreatorsException(ScrapeErrorKind.Network,
            $"The connection to ScrapeCreators broke: {Sanitize(e.Message, options.ApiKey) ?? "I/O error"}", null, e),
        _ => null,
    };

    /// <summary>What the official CLI shows: <c>message</c>, else <c>error</c>, else the raw body; trimmed and capped.</summary>
    public static string? ExtractMessage(byte[] body, string? apiKey)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var name in (string[])["message", "error"])
                {
                    if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                        && Sanitize(value.GetString(), apiKey) is { } text)
                    {
                        return text;
                    }
                }
            }
        }
        catch (JsonException)
        {
            // Not JSON (an HTML error page, a proxy's text): fall through to the raw body.
        }

        var raw = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, MaxMessageLength * 4));
        return Sanitize(raw, apiKey);
    }

    /// <summary>Collapses whitespace, drops control characters, caps the length and never lets the API key through.</summary>
    public static string? Sanitize(string? text, string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var builder = new StringBuilder(Math.Min(text.Length, MaxMessageLength * 4));
        var lastWasSpace = false;
        foreach (var c in text.AsSpan(0, Math.Min(text.Length, MaxMessageLength * 4)))
        {
            var isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && lastWasSpace)
            {
                continue;
            }

            builder.Append(isSpace ? ' ' : c);
            lastWasSpace = isSpace;
        }

        var result = builder.ToString().Trim();
        if (!string.IsNullOrWhiteSpace(apiKey))
        {
            result = result.Replace(apiKey.Trim(), "***", StringComparison.Ordinal);
        }

        return result.Length == 0 ? null : FieldLimits.Cut(result, MaxMessageLength, marked: true);
    }

    private static bool LooksLikeBannedAccount(string text) =>
        text.Contains("banned", StringComparison.OrdinalIgnoreCase)
        || text.Contains("suspended", StringComparison.OrdinalIgnoreCase);

    private static bool LooksLikeMissingAccount(string text) =>
        text.Contains("doesn't exist", StringComparison.OrdinalIgnoreCase)
        || text.Contains("does not exist", StringComparison.OrdinalIgnoreCase)
        || text.Contains("not found", StringComparison.OrdinalIgnoreCase)
        || text.Contains("no such", StringComparison.OrdinalIgnoreCase);

    private static string FormatRetryAfter(RetryConditionHeaderValue? retryAfter) =>
        retryAfter?.Delta is { } delta ? $", retry after {delta.TotalSeconds:0} s" : retryAfter?.Date is { } date ? $", retry after {date:u}" : "";
}
