using Monitor.Core.Profiles;

namespace Monitor.Core.Scans;

/// <summary>
/// Section <c>Monitoring:Scan</c>. The by-age ladder defaults to what the market does for young posts: under 7 days every
/// 6 hours, under 30 days daily, and a full scan weekly.
/// </summary>
public sealed class ScanOptions
{
    public const string SectionName = "Monitoring:Scan";

    /// <summary>The mode of profiles added from now on.</summary>
    public ScanMode DefaultMode { get; set; } = ScanMode.Full;

    /// <summary>The ladder; empty means the defaults (a bound list would otherwise be appended to them).</summary>
    public List<ScanStep> Steps { get; set; } = [];

    /// <summary>How often a by-age profile gets a scan of every post.</summary>
    public TimeSpan FullScanEvery { get; set; } = TimeSpan.FromDays(7);

    public IReadOnlyList<ScanStep> Ladder => Steps.Count > 0
        ? [.. Steps.OrderBy(s => s.MaxAge)]
        :
        [
            new ScanStep { MaxAge = TimeSpan.FromDays(7), Every = TimeSpan.FromHours(6) },
            new ScanStep { MaxAge = TimeSpan.FromDays(30), Every = TimeSpan.FromDays(1) },
        ];
}
