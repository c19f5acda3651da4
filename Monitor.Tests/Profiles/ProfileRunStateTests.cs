using Monitor.Core.Catalog;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Profiles;

public sealed class ProfileRunStateTests
{
    private static readonly Guid ProfileId = Guid.NewGuid();
    private static readonly DateTime At = new(2026, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// Steps, in the order they reach the page: an event (<c>queued|started|page|completed|failed|failed-retry|interrupted-retry
    /// RUN [PAGES]</c>, <c>other</c> for another profile's), or a read of the active run (<c>read pending|running RUN PAGES</c>,
    /// <c>read none</c>). Expected: <c>none</c>, or <c>RUN STATUS PAGES</c>.
    /// </summary>
    [Theory]
    [InlineData("event before read", "started 5 0; read running 5 2", "5 running 2")]
    [InlineData("read before events", "read pending 5 0; started 5 0; page 5 3", "5 running 3")]
    [InlineData("stale read after a newer event does not regress", "page 5 4; read pending 5 1", "5 running 4")]
    [InlineData("duplicate and late events do not regress", "page 5 2; page 5 2; started 5 0; queued 5 0", "5 running 2")]
    [InlineData("read that finds nothing keeps the event's run", "started 5 1; read none", "5 running 1")]
    [InlineData("completed clears the run", "started 5 0; page 5 2; completed 5 3", "none")]
    [InlineData("stale read after completed does not bring the run back", "started 5 0; completed 5 3; read running 5 2", "none")]
    [InlineData("completed before the first read", "completed 5 3; read running 5 2", "none")]
    [InlineData("late progress of a completed run is dropped", "completed 5 3; page 5 2", "none")]
    [InlineData("another profile's run is not shown", "other page 9 5", "none")]
    [InlineData("another profile's run does not replace this one", "started 5 0; other page 9 5", "5 running 0")]
    [InlineData("an older run's progress does not replace a newer run", "queued 6 0; page 5 9", "6 pending 0")]
    [InlineData("a read of an older run does not replace a newer run", "started 6 0; read running 5 3", "6 running 0")]
    [InlineData("a read of a newer run replaces the older one", "started 5 1; read pending 6 0", "6 pending 0")]
    [InlineData("failed with retry: the next attempt shows", "started 5 0; failed-retry 5 1; queued 6 0; started 6 0; page 6 3", "6 running 3")]
    [InlineData("failed with retry then completed", "started 5 0; failed-retry 5 1; queued 6 0; started 6 0; completed 6 4", "none")]
    [InlineData("failed for good", "started 5 0; failed 5 1; read running 5 1", "none")]
    [InlineData("interrupted: the next attempt is queued", "started 5 2; interrupted-retry 5 2; queued 6 0", "6 pending 0")]
    [InlineData("interrupted then the reaper's read of the old run", "interrupted-retry 5 2; read running 5 2", "none")]
    public void Apply_StepsInOrder_ShowsExpectedRun(string scenario, string steps, string expected)
    {
        var state = LoadedState();

        foreach (var step in steps.Split(';', StringSplitOptions.TrimEntries))
        {
            Run(state, step);
        }

        var run = state.ActiveRun;
        Assert.True(expected == Describe(run), $"{scenario}: expected {expected}, got {Describe(run)}");
        Assert.Equal(run is null, state.CanUpdateNow);
        Assert.Equal(run is not null, state.IsRunActive);
    }

    [Fact]
    public void Apply_FirstEventOfARun_AsksForARead_LaterProgressDoesNot()
    {
        var state = LoadedState();

        var first = state.Apply(Event(MonitoringEventKind.Started, 5));
        var next = state.Apply(Event(MonitoringEventKind.PageCompleted, 5, pages: 1));

        Assert.Equal(new RunEventOutcome(ReadActiveRun: true), first);
        Assert.Equal(RunEventOutcome.Nothing, next);
    }

    [Fact]
    public void Apply_Completed_ToastsAndAsksForTotalsOnceOnly()
    {
        var state = LoadedState();
        state.Apply(Event(MonitoringEventKind.Started, 5));

        var outcome = state.Apply(Event(MonitoringEventKind.Completed, 5, pages: 1, posts: 123));
        var duplicate = state.Apply(Event(MonitoringEventKind.Completed, 5, pages: 1, posts: 123));

        Assert.Equal(new RunEventOutcome(new RunToast("Run completed for @creator: 123 posts in 1 page", RunToastLevel.Success), RefreshAfterRun: true), outcome);
        Assert.Equal(RunEventOutcome.Nothing, duplicate);
    }

    [Theory]
    [InlineData(MonitoringEventKind.Failed, RetryDecision.Retrying, "Run failed for @creator: Timeout (it will be retried)", RunToastLevel.Error)]
    [InlineData(MonitoringEventKind.Failed, RetryDecision.GaveUp, "Run failed for @creator: Timeout", RunToastLevel.Error)]
    [InlineData(MonitoringEventKind.Interrupted, RetryDecision.Retrying, "Run interrupted for @creator; the next attempt is queued", RunToastLevel.Warning)]
    [InlineData(MonitoringEventKind.Interrupted, RetryDecision.GaveUp, "Run interrupted for @creator: Timeout", RunToastLevel.Warning)]
    public void Apply_RunEndedBadly_ToastSaysWhatFollows(MonitoringEventKind kind, RetryDecision retry, string message, RunToastLevel level)
    {
        var state = LoadedState();

        var outcome = state.Apply(Event(kind, 5, error: "Timeout") with { Retry = retry });

        Assert.Equal(new RunEventOutcome(new RunToast(message, level), RefreshAfterRun: true), outcome);
    }

    [Fact]
    public void Apply_FailedWithTotalsAndAccountState_UpdatesProfileAtOnce()
    {
        var state = LoadedState();
        var totals = new ProfileTotals(77, PostMetrics.From(_ => 5));

        var outcome = state.Apply(Event(MonitoringEventKind.Failed, 5) with { Totals = totals, AccountState = AccountState.Private });

        Assert.Equal(RunToastLevel.Warning, outcome.Toast?.Level);
        Assert.StartsWith("@creator is ", outcome.Toast?.Message, StringComparison.Ordinal);
        var profile = state.Profile!;
        Assert.Equal(77, profile.TotalPosts);
        Assert.Equal(totals.Metrics, profile.Totals);
        Assert.Equal(AccountState.Private, profile.AccountState);
        Assert.False(profile.MonitoringEnabled);
        Assert.Null(profile.NextMonitoringRun);
    }

    [Fact]
    public void UpdateNow_DisabledWhileQueueingAndWhileARunIsActive()
    {
        var state = LoadedState();
        Assert.True(state.CanUpdateNow);

        state.QueueStarted();
        Assert.False(state.CanUpdateNow);
        state.ActiveRunLoaded(Read(MonitoringStatus.Pending, 5, 0));
        state.QueueFinished();
        Assert.False(state.CanUpdateNow);

        state.Apply(Event(MonitoringEventKind.Completed, 5));
        Assert.True(state.CanUpdateNow);
        Assert.False(state.ShouldReadQueuedRun(5));
        Assert.True(state.ShouldReadQueuedRun(6));
    }

    [Fact]
    public void Loaded_AnotherProfilesRead_IsDropped()
    {
        var state = LoadedState();

        state.Loaded(Profile() with { Id = Guid.NewGuid(), Handle = "someone.else" }, null);

        Assert.Equal("creator", state.Profile?.Handle);
    }

    [Fact]
    public void StartOver_SameProfile_KeepsProfileButForgetsRuns()
    {
        var state = LoadedState();
        state.Apply(Event(MonitoringEventKind.Completed, 5));
        state.Apply(Event(MonitoringEventKind.Started, 6));

        state.StartOver(ProfileId);
        state.ActiveRunLoaded(Read(MonitoringStatus.Running, 5, 1));

        Assert.Equal("creator", state.Profile?.Handle);
        Assert.Equal("5 running 1", Describe(state.ActiveRun));

        state.StartOver(Guid.NewGuid());
        Assert.Null(state.Profile);
        Assert.Null(state.ActiveRun);
    }

    private static ProfileRunState LoadedState()
    {
        var state = new ProfileRunState();
        state.StartOver(ProfileId);
        state.Loaded(Profile(), null);
        return state;
    }

    private static void Run(ProfileRunState state, string step)
    {
        var words = step.Split(' ');
        int Number(int index) => words.Length > index ? int.Parse(words[index], System.Globalization.CultureInfo.InvariantCulture) : 0;
        switch (words[0])
        {
            case "read" when words[1] == "none":
                state.ActiveRunLoaded(null);
                break;
            case "read":
                state.ActiveRunLoaded(Read(Enum.Parse<MonitoringStatus>(words[1], ignoreCase: true), Number(2), Number(3)));
                break;
            case "other":
                state.Apply(Event(Kind(words[1]), Number(2), Number(3)) with { ProfileId = Guid.NewGuid() });
                break;
            default:
                state.Apply(Event(Kind(words[0]), Number(1), Number(2)) with
                {
                    Retry = words[0].EndsWith("-retry", StringComparison.Ordinal) ? RetryDecision.Retrying : null,
                });
                break;
        }
    }

    private static MonitoringEventKind Kind(string word) => word switch
    {
        "queued" => MonitoringEventKind.Queued,
        "started" => MonitoringEventKind.Started,
        "page" => MonitoringEventKind.PageCompleted,
        "completed" => MonitoringEventKind.Completed,
        "failed" or "failed-retry" => MonitoringEventKind.Failed,
        "interrupted-retry" => MonitoringEventKind.Interrupted,
        _ => throw new ArgumentException($"Unknown step '{word}'", nameof(word)),
    };

    private static string Describe(MonitoringRunView? run) =>
        run is null ? "none" : $"{run.Id} {run.Status.ToString().ToLowerInvariant()} {run.PagesScraped}";

    private static MonitoringEvent Event(MonitoringEventKind kind, long logId, int pages = 0, int? posts = null, string? error = null) =>
        new(kind, ProfileId, logId, MonitoringTrigger.Manual, 1, pages, posts ?? pages * 10, At, error);

    private static MonitoringRunView Read(MonitoringStatus status, long logId, int pages) =>
        new(logId, ProfileId, "creator", status, MonitoringTrigger.Manual, 1, At, At, status == MonitoringStatus.Running ? At : null, pages, pages * 10, null);

    private static ProfileDto Profile() =>
        new(ProfileId, "creator", null, null, "Creator", null, null, false, null, null, true, 24, null, At.AddHours(1), 10, PostMetrics.From(_ => 1), At, At);
}
