namespace Monitor.Core.Scraping.Wire;

/// <summary>
/// A counter as the feed sent it: <see cref="Value"/> when usable (null when absent), or <see cref="Refused"/>, the
/// value as sent (cut short), when it is not a whole number from 0 to 10^15. A refused counter is never stored.
/// </summary>
internal readonly record struct WireCount(long? Value, string? Refused = null)
{
    public bool IsRefused => Refused is not null;
}
