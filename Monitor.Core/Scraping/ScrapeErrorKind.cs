namespace Monitor.Core.Scraping;

public enum ScrapeErrorKind
{
    /// <summary>401: the API key is missing or wrong. Not retried.</summary>
    Unauthorized,

    /// <summary>402: the account has no credits left. Not retried.</summary>
    OutOfCredits,

    /// <summary>404, or the HTTP 200 "Account doesn't exist" body. Not retried.</summary>
    AccountNotFound,

    /// <summary>The account is private: nothing to scrape. Not retried.</summary>
    AccountPrivate,

    /// <summary>The account was banned or suspended by TikTok. Not retried.</summary>
    AccountBanned,

    /// <summary>400: the request was rejected. Not retried.</summary>
    BadRequest,

    /// <summary>429 still returned after the client's own retries.</summary>
    RateLimited,

    /// <summary>5xx still returned after the client's own retries.</summary>
    UpstreamUnavailable,

    /// <summary>The request or its retries ran past the timeout.</summary>
    Timeout,

    /// <summary>Connection refused, reset, DNS failure.</summary>
    Network,

    /// <summary>The circuit breaker is open after repeated failures.</summary>
    CircuitOpen,

    /// <summary>The body was not the JSON expected (malformed, hostile, missing payload).</summary>
    InvalidResponse,
}
