namespace Monitor.Core.Scraping;

/// <summary>Which upstream answers: the real ScrapeCreators API, or the built-in simulation ("demo data").</summary>
public sealed record UpstreamMode(bool IsSimulated, string Description);
