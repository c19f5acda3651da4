namespace Monitor.Core.Scraping;

/// <summary>Bound from the "ScrapeCreators" section. Without an <see cref="ApiKey"/> the simulated upstream answers.</summary>
public sealed class ScrapeCreatorsOptions
{
    public const string SectionName = "ScrapeCreators";

    /// <summary>Root configuration key (and environment variable) used when the section has no key.</summary>
    public const string ApiKeyEnvironmentKey = "SCRAPECREATORS_API_KEY";

    public string? ApiKey { get; set; }
    public Uri BaseUrl { get; set; } = new("https://api.scrapecreators.com");
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(60);
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromMinutes(3);
    public int MaxRetryAttempts { get; set; } = 4;
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Longest Retry-After honoured; a longer one fails the call as rate limited instead of waiting.</summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Latency the simulated upstream adds to each answer, so the demo feels like a real scrape.</summary>
    public TimeSpan SimulatedLatency { get; set; } = TimeSpan.FromMilliseconds(150);

    public bool HasApiKey => !string.IsNullOrWhiteSpace(ApiKey);

    // The key must never reach a log through a dumped options object.
    public override string ToString() =>
        $"BaseUrl={BaseUrl}, ApiKey={(HasApiKey ? "(set)" : "(none: simulated)")}, AttemptTimeout={AttemptTimeout}, " +
        $"TotalTimeout={TotalTimeout}, MaxRetryAttempts={MaxRetryAttempts}, RetryBaseDelay={RetryBaseDelay}, MaxRetryAfter={MaxRetryAfter}";
}
