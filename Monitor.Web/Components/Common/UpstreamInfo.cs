namespace Monitor.Web.Components.Common;

/// <summary>
/// Whether the scraping client talks to the built-in simulator ("demo data") or the real API. Reads the configuration
/// until the scraping layer registers its own <c>UpstreamMode</c>; then this becomes a one-line delegation.
/// </summary>
public sealed class UpstreamInfo(IConfiguration configuration)
{
    public bool IsSimulated { get; } =
        string.IsNullOrWhiteSpace(configuration["SCRAPECREATORS_API_KEY"] ?? configuration["ScrapeCreators:ApiKey"]);
}
