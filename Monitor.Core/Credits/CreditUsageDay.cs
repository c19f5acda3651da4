namespace Monitor.Core.Credits;

/// <summary>One day: what the ledger counted, and what the provider reported (null until reconciled).</summary>
public sealed record CreditUsageDay(DateOnly Day, long Credits, long Requests, long? ProviderCredits, long? ProviderRequests)
{
    /// <summary>Provider minus ledger: positive when the provider charged more than was counted.</summary>
    public long? Difference => ProviderCredits - Credits;
}
