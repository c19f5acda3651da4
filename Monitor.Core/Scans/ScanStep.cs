namespace Monitor.Core.Scans;

/// <summary>A rung of the by-age ladder: posts younger than <see cref="MaxAge"/> are refreshed at least every <see cref="Every"/>.</summary>
public sealed class ScanStep
{
    public TimeSpan MaxAge { get; set; }

    public TimeSpan Every { get; set; }
}
