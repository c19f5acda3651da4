using Microsoft.Extensions.Options;

namespace Monitor.Core.Scraping;

internal sealed class ScrapeCreatorsOptionsValidator : IValidateOptions<ScrapeCreatorsOptions>
{
    // Polly refuses timeouts under 10 ms.
    private static readonly TimeSpan MinimumTimeout = TimeSpan.FromMilliseconds(10);

    public ValidateOptionsResult Validate(string? name, ScrapeCreatorsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.BaseUrl is null || !options.BaseUrl.IsAbsoluteUri || options.BaseUrl.Scheme is not ("http" or "https"))
        {
            failures.Add("ScrapeCreators:BaseUrl must be an absolute http(s) URL.");
        }

        if (options.AttemptTimeout < MinimumTimeout)
        {
            failures.Add("ScrapeCreators:AttemptTimeout must be at least 10 ms.");
        }

        if (options.TotalTimeout < options.AttemptTimeout)
        {
            failures.Add("ScrapeCreators:TotalTimeout must not be shorter than AttemptTimeout.");
        }

        if (options.MaxRetryAttempts is < 0 or > 10)
        {
            failures.Add("ScrapeCreators:MaxRetryAttempts must be between 0 and 10.");
        }

        if (options.RetryBaseDelay < TimeSpan.Zero || options.MaxRetryAfter < TimeSpan.Zero || options.SimulatedLatency < TimeSpan.Zero)
        {
            failures.Add("ScrapeCreators delays must not be negative.");
        }

        if (options.ApiKey is { Length: > 0 } key && (key.Length > 512 || key.Any(char.IsControl)))
        {
            failures.Add("ScrapeCreators:ApiKey is not a valid header value.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
