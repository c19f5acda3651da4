namespace Monitor.Core.Credits;

/// <summary>
/// One upstream HTTP attempt and what it cost: <c>credits_charged</c> from the answer's envelope when present, else one.
/// A retried call leaves one row per attempt. <see cref="Day"/> is the reporting zone's day of <see cref="At"/>.
/// </summary>
public sealed class CreditLedgerEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public DateOnly Day { get; set; }

    /// <summary>The profile the request was made for (a run's, or a lookup's when adding), if known.</summary>
    public Guid? ProfileId { get; set; }

    /// <summary>The monitoring log of the run that made the request, if any.</summary>
    public long? LogId { get; set; }

    public required string Endpoint { get; set; }

    /// <summary>The HTTP status, or 0 when no answer came (timeout, network failure).</summary>
    public int StatusCode { get; set; }

    public int Credits { get; set; }

    /// <summary>The balance the answer reported (<c>credits_remaining</c>), if it did.</summary>
    public long? CreditsRemaining { get; set; }
}
