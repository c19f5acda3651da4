namespace Monitor.Core.Credits;

/// <summary>One day of the provider's own usage report (<c>/v1/account/get-daily-usage-count</c>), as last fetched.</summary>
public sealed class ProviderDailyUsage
{
    /// <summary>The provider's <c>usage_date</c>.</summary>
    public DateOnly Day { get; set; }
    public long Credits { get; set; }
    public long Requests { get; set; }
    public DateTime FetchedAt { get; set; }
}
