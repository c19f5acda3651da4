using System.ComponentModel.DataAnnotations;

namespace Monitor.Core.Quality;

/// <summary>Section <c>Monitoring:Quality</c>: when a completed run is suspect, and when a post counts as not seen.</summary>
public sealed class QualityOptions
{
    public const string SectionName = "Monitoring:Quality";

    /// <summary>A full scan seeing fewer posts than this fraction of the previous full scan's is suspect.</summary>
    [Range(0.0, 1.0)]
    public double PostCountDropFraction { get; set; } = 0.5;

    /// <summary>Views falling for at least this many posts (and <see cref="CounterDropShare"/> of those compared) is suspect.</summary>
    [Range(1, 1_000_000)]
    public int CounterDropMinPosts { get; set; } = 5;

    /// <summary>The share of compared posts whose views must fall for the run to be suspect.</summary>
    [Range(0.0, 1.0)]
    public double CounterDropShare { get; set; } = 0.25;

    /// <summary>A post missing from this many trusted full scans in a row is "not seen since" its last sighting.</summary>
    [Range(1, 1_000)]
    public int UnseenAfterFullScans { get; set; } = 3;
}
