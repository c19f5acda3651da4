namespace Monitor.Core.Credits;

/// <summary>Section "Credits": pricing, the balance cache and the daily reconciliation.</summary>
public sealed class CreditOptions
{
    public const string SectionName = "Credits";

    /// <summary>Money per 1,000 credits, for the forecast (the smallest pack: 25,000 for $47 ≈ $1.88).</summary>
    public decimal PricePerThousand { get; set; } = 1.88m;

    public string Currency { get; set; } = "$";

    /// <summary>How long the provider's balance answer is reused before asking again.</summary>
    public TimeSpan BalanceCacheDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Quartz cron of the daily reconciliation with the provider's usage report (once across nodes).</summary>
    public string ReconcileCron { get; set; } = "0 30 3 * * ?";

    /// <summary>Posts per feed page assumed for estimates before a profile's first run.</summary>
    public int AssumedPageSize { get; set; } = 30;
}
