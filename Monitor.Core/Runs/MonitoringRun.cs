using Monitor.Core.Profiles;
using Monitor.Core.Quality;

namespace Monitor.Core.Runs;

public sealed class MonitoringRun
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public TiktokProfile? Profile { get; set; }

    public MonitoringStatus Status { get; set; } = MonitoringStatus.Pending;
    public MonitoringTrigger Trigger { get; set; }
    public int Attempt { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    /// <summary>When a pending run may start: later than <see cref="CreatedAt"/> for jittered or retried runs.</summary>
    public DateTime ScheduledFor { get; set; }

    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public int PostsScraped { get; set; }
    public int PagesScraped { get; set; }

    /// <summary>Upstream requests made, which is the credits spent.</summary>
    public int RequestsMade { get; set; }

    public string? Error { get; set; }

    /// <summary>Why a failed or interrupted run ended; null for the others.</summary>
    public RunFailureReason? FailureReason { get; set; }

    /// <summary>What followed a failed or interrupted run; null for the others.</summary>
    public RetryDecision? RetryDecision { get; set; }

    /// <summary>
    /// Written when a node claims the run (pending → running); every later write of the run names it, so a late,
    /// duplicate or recovered delivery can never change a run another delivery owns.
    /// </summary>
    public Guid? ClaimToken { get; set; }

    /// <summary>Refreshed while the run runs; a stale one tells the reaper that its process is gone.</summary>
    public DateTime? HeartbeatAt { get; set; }

    /// <summary>Asked for by the full-scan action: the run reads every post whatever the profile's scan mode.</summary>
    public bool FullScanRequested { get; set; }

    /// <summary>
    /// Set when the run starts: null for a full scan, else the age in hours of the oldest posts it refreshes
    /// (a by-age run). Which posts a profile's completed runs covered tells when each rung of its ladder was refreshed.
    /// </summary>
    public int? ScanWindowHours { get; set; }

    /// <summary>
    /// Why a run stopped paging early (a repeated cursor, the page cap), and the feed's odd posts it skipped or kept
    /// their last values for (see <see cref="RunNote"/>); null when neither happened.
    /// </summary>
    public string? Note { get; set; }

    /// <summary>
    /// Set when a completed run's values were not trusted (see <see cref="DataQualityPolicy"/>): its history rows are
    /// kept, but the posts' current values and the totals stay as they were until a later run confirms the values.
    /// </summary>
    public SuspectReason? SuspectReason { get; set; }

    /// <summary>The suspect run's own figure (posts seen, posts whose views fell); null when trusted.</summary>
    public int? SuspectObserved { get; set; }

    /// <summary>What it was compared with (the previous full scan's posts, posts stored, posts compared); null when trusted.</summary>
    public int? SuspectBaseline { get; set; }
}
