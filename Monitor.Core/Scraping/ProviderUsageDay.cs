namespace Monitor.Core.Scraping;

/// <summary>One day of the provider's usage report.</summary>
public sealed record ProviderUsageDay(DateOnly Day, long Credits, long Requests);
