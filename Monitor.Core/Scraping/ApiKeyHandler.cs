using Microsoft.Extensions.Options;

namespace Monitor.Core.Scraping;

/// <summary>Adds the x-api-key header from options, so the key never travels through Refit attributes or call sites.</summary>
internal sealed class ApiKeyHandler(IOptionsMonitor<ScrapeCreatorsOptions> options) : DelegatingHandler
{
    public const string HeaderName = "x-api-key";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = options.CurrentValue.ApiKey;
        request.Headers.Remove(HeaderName);
        if (!string.IsNullOrWhiteSpace(key))
        {
            request.Headers.TryAddWithoutValidation(HeaderName, key.Trim());
        }

        return base.SendAsync(request, cancellationToken);
    }
}
