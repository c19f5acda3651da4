namespace Monitor.Core.Scans;

/// <summary>What one run reads: the whole feed, or only the posts younger than <see cref="Window"/>.</summary>
public sealed record ScanScope(TimeSpan? Window)
{
    public static readonly ScanScope Full = new((TimeSpan?)null);

    public bool IsFull => Window is null;

    /// <summary>The run log's column: null for a full scan, else the window in whole hours.</summary>
    public int? WindowHours => Window is { } window ? (int)Math.Ceiling(window.TotalHours) : null;

    public static ScanScope FromWindowHours(int? hours) => hours is { } h ? new ScanScope(TimeSpan.FromHours(h)) : Full;
}
