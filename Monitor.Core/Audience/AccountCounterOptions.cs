namespace Monitor.Core.Audience;

/// <summary><c>Monitoring:AccountCounters</c>: how runs record the account's followers, following, likes and videos.</summary>
public sealed class AccountCounterOptions
{
    /// <summary>
    /// When no feed page of a run carried the account's counters (trimmed answers), call the profile endpoint for them:
    /// one credit, at most once per calendar day of <c>Monitoring:TimeZone</c> per profile. False: record only what the feed gives.
    /// </summary>
    public bool DailyProfileCall { get; set; } = true;
}
