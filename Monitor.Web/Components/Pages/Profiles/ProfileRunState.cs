using Monitor.Core.Catalog;
using Monitor.Core.LiveEvents;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Web.Components.Profiles;
namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>
/// The profile page's view of the profile and its queued or running run, fed by two sources that race: reads from the
/// database and live run events. Events and reads arrive in any order, so the rules are: a run that ended never comes
/// back, a newer run replaces an older one (a retry is a new run), and a run's progress only moves forward.
/// </summary>
public sealed class ProfileRunState
{
    private readonly HashSet<long> _finishedRuns = [];

    public Guid ProfileId { get; private set; }
    public ProfileDto? Profile { get; private set; }
    public ProfileTotalsSnapshot? PreviousTotals { get; private set; }
    public MonitoringRunView? ActiveRun { get; private set; }
    public bool IsQueueing { get; private set; }
    public bool IsRunActive => ActiveRun is not null;
    public bool CanUpdateNow => ActiveRun is null && !IsQueueing;

    /// <summary>The page now shows <paramref name="profileId"/>: forget the other profile's run, keep a profile already read for this one.</summary>
    public void StartOver(Guid profileId)
    {
        if (Profile?.Id != profileId)
        {
            Profile = null;
            PreviousTotals = null;
        }

        ProfileId = profileId;
        ActiveRun = null;
        _finishedRuns.Clear();
    }

    /// <summary>The profile as read; a read of another profile (finished after the page moved on) is dropped.</summary>
    public void Loaded(ProfileDto? profile, ProfileTotalsSnapshot? previousTotals)
    {
        if (profile is not null && profile.Id != ProfileId)
        {
            return;
        }

        Profile = profile;
        PreviousTotals = profile is null ? null : previousTotals;
    }

    /// <summary>A change the page made itself (monitoring switched, interval set).</summary>
    public void Changed(Func<ProfileDto, ProfileDto> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        if (Profile is not null)
        {
            Profile = change(Profile);
        }
    }

    /// <summary>The profile's active run as read; null says nothing, since an event may have reported a run the read missed.</summary>
    public void ActiveRunLoaded(MonitoringRunView? run)
    {
        if (run is null || run.ProfileId != ProfileId || _finishedRuns.Contains(run.Id))
        {
            return;
        }

        ActiveRun = ActiveRun switch
        {
            null => run,
            { } current when current.Id == run.Id => Furthest(current, run.Status, run.PagesScraped, run.PostsScraped, run.StartedAt) with { ExpectedPages = run.ExpectedPages },
            { } current when run.Id > current.Id => run,
            { } current => current,
        };
    }

    public void QueueStarted() => IsQueueing = true;

    public void QueueFinished() => IsQueueing = false;

    /// <summary>Whether the run a queue request named is worth reading: not when its end was already reported.</summary>
    public bool ShouldReadQueuedRun(long logId) => !_finishedRuns.Contains(logId);

    public RunEventOutcome Apply(MonitoringEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.ProfileId != ProfileId || _finishedRuns.Contains(e.LogId))
        {
            return RunEventOutcome.Nothing;
        }

        switch (e.Kind)
        {
            case MonitoringEventKind.Queued or MonitoringEventKind.Started or MonitoringEventKind.PageCompleted:
                return Progressed(e);
            case MonitoringEventKind.Completed:
                Ended(e.LogId);
                return new(new($"Run completed for @{Profile?.Handle}: {e.PostsScraped:N0} posts in {e.PagesScraped} {(e.PagesScraped == 1 ? "page" : "pages")}", RunToastLevel.Success), RefreshAfterRun: true);
            case MonitoringEventKind.Failed or MonitoringEventKind.Interrupted:
                Ended(e.LogId);
                ApplyRunEnd(e);
                var level = e.AccountState is not null || e.Kind == MonitoringEventKind.Interrupted ? RunToastLevel.Warning : RunToastLevel.Error;
                return new(new(RunEndMessage(e), level), RefreshAfterRun: true);
            default:
                return RunEventOutcome.Nothing;
        }
    }

    private RunEventOutcome Progressed(MonitoringEvent e)
    {
        var status = e.Kind == MonitoringEventKind.Queued ? MonitoringStatus.Pending : MonitoringStatus.Running;
        var startedAt = status == MonitoringStatus.Running ? e.OccurredAt : (DateTime?)null;
        if (ActiveRun is { } current && current.Id == e.LogId)
        {
            ActiveRun = Furthest(current, status, e.PagesScraped, e.PostsScraped, startedAt);
            return RunEventOutcome.Nothing;
        }

        if (ActiveRun is { } older && older.Id > e.LogId)
        {
            return RunEventOutcome.Nothing;
        }

        ActiveRun = new(e.LogId, e.ProfileId, Profile?.Handle ?? "", status, e.Trigger, e.Attempt, e.OccurredAt, e.OccurredAt,
            startedAt, e.PagesScraped, e.PostsScraped, null);
        return new(ReadActiveRun: true);
    }

    /// <summary>Progress never goes back: a read that started before an event may finish after it.</summary>
    private static MonitoringRunView Furthest(MonitoringRunView current, MonitoringStatus status, int pages, int posts, DateTime? startedAt) =>
        current with
        {
            Status = current.Status == MonitoringStatus.Running || status == MonitoringStatus.Running ? MonitoringStatus.Running : status,
            PagesScraped = Math.Max(current.PagesScraped, pages),
            PostsScraped = Math.Max(current.PostsScraped, posts),
            StartedAt = current.StartedAt ?? startedAt,
        };

    private void Ended(long logId)
    {
        _finishedRuns.Add(logId);
        if (ActiveRun?.Id == logId)
        {
            ActiveRun = null;
        }
    }

    /// <summary>The event carries the run's end state: totals written and an account state found apply at once.</summary>
    private void ApplyRunEnd(MonitoringEvent e)
    {
        if (Profile is null)
        {
            return;
        }

        if (e.Totals is { } t)
        {
            Profile = Profile with { TotalPosts = t.Posts, Totals = t.Metrics };
        }

        if (e.AccountState is { } state)
        {
            Profile = Profile with { AccountState = state, MonitoringEnabled = false, NextMonitoringRun = null };
        }
    }

    private string RunEndMessage(MonitoringEvent e) => e switch
    {
        { AccountState: { } state } => $"@{Profile?.Handle} is {AccountStateChip.Describe(state)} at TikTok: monitoring paused. Switch Monitor on to try again.",
        { Kind: MonitoringEventKind.Interrupted, Retry: RetryDecision.Retrying } => $"Run interrupted for @{Profile?.Handle}; the next attempt is queued",
        { Kind: MonitoringEventKind.Interrupted } => $"Run interrupted for @{Profile?.Handle}: {e.Error}",
        { Retry: RetryDecision.Retrying } => $"Run failed for @{Profile?.Handle}: {e.Error} (it will be retried)",
        _ => $"Run failed for @{Profile?.Handle}: {e.Error}",
    };
}
