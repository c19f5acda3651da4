namespace Monitor.Core.Scraping;

/// <summary>A failed upstream call, classified so the run can decide whether a retry could help.</summary>
public sealed class ScrapeCreatorsException : Exception
{
    public ScrapeCreatorsException(ScrapeErrorKind kind, string message, int? statusCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        StatusCode = statusCode;
    }

    public ScrapeCreatorsException()
        : this(ScrapeErrorKind.InvalidResponse, "ScrapeCreators call failed")
    {
    }

    public ScrapeCreatorsException(string message)
        : this(ScrapeErrorKind.InvalidResponse, message)
    {
    }

    public ScrapeCreatorsException(string message, Exception innerException)
        : this(ScrapeErrorKind.InvalidResponse, message, null, innerException)
    {
    }

    public ScrapeErrorKind Kind { get; }
    public int? StatusCode { get; }

    /// <summary>False where a later attempt cannot succeed: bad key, no credits, the account gone or private, a rejected request.</summary>
    public bool IsRetryable => Kind is ScrapeErrorKind.RateLimited or ScrapeErrorKind.UpstreamUnavailable
        or ScrapeErrorKind.Timeout or ScrapeErrorKind.Network or ScrapeErrorKind.CircuitOpen or ScrapeErrorKind.InvalidResponse;
}
