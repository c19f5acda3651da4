using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scans;

namespace Monitor.Tests.Scans;

public sealed class ScanPlannerTests
{
    private static readonly DateTime Now = new(2026, 3, 10, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(5);
    private static readonly ScanPlanner Planner = new(new ScanOptions(), Lead);

    /// <summary>Hours since the last 7-day scan, 30-day scan and full scan (-1: never), the trigger, and the window expected (0: full).</summary>
    [Theory]
    [InlineData(-1, -1, -1, MonitoringTrigger.Scheduled, 0)] // a new profile: everything, once
    [InlineData(1, 1, 1, MonitoringTrigger.Scheduled, 7)] // nothing due (an early run): the youngest rung
    [InlineData(6, 10, 30, MonitoringTrigger.Scheduled, 7)] // the 6 h rung is due
    [InlineData(6, 18, 30, MonitoringTrigger.Scheduled, 7)] // the daily rung falls due 6 h from now: exactly the next run, not before
    [InlineData(6, 19, 30, MonitoringTrigger.Scheduled, 30)] // it would fall due before the next run: it rides on this one
    [InlineData(6, 23, 30, MonitoringTrigger.Scheduled, 30)]
    [InlineData(6, 23, 163, MonitoringTrigger.Scheduled, 0)] // the weekly full scan would fall due before the next run
    [InlineData(1, 1, 1, MonitoringTrigger.Manual, 30)] // Update Now: every post under 30 days
    [InlineData(1, 1, 167, MonitoringTrigger.Manual, 0)] // Update Now when the full scan is due anyway
    public void ScopeFor_ByAge_PicksTheWidestDueRung(int since7, int since30, int sinceFull, MonitoringTrigger trigger, int expectedDays)
    {
        var history = History(since7, since30, sinceFull);

        var scope = Planner.ScopeFor(ScanMode.ByAge, trigger, fullRequested: false, history, Now);

        Assert.Equal(expectedDays == 0 ? null : TimeSpan.FromDays(expectedDays), scope.Window);
    }

    [Fact]
    public void ScopeFor_FullModeOrFullRequested_IsFull()
    {
        var history = History(1, 1, 1);

        Assert.True(Planner.ScopeFor(ScanMode.Full, MonitoringTrigger.Scheduled, false, history, Now).IsFull);
        Assert.True(Planner.ScopeFor(ScanMode.ByAge, MonitoringTrigger.Manual, true, history, Now).IsFull);
    }

    [Fact]
    public void NextDue_AfterAFullScan_IsTheYoungestRungLessTheLead()
    {
        var history = History(-1, -1, 0);

        Assert.Equal(Now.AddHours(6) - Lead, Planner.NextDue(history, Now));
        Assert.Equal(Now, Planner.NextDue(ScanHistory.Empty, Now));
    }

    [Fact]
    public void Rungs_WiderScanRefreshesNarrowerRungs()
    {
        var history = History(since7: 3, since30: 20, sinceFull: 100);

        var rungs = Planner.Rungs(history, Now);

        Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(30), (TimeSpan?)null], rungs.Select(r => r.MaxAge));
        Assert.Equal(Now.AddHours(-3), rungs[0].LastRefresh);
        Assert.Equal(Now.AddHours(-20), rungs[1].LastRefresh);
        Assert.Equal(Now.AddHours(-100), rungs[2].LastRefresh);
        Assert.Equal(Now.AddHours(-100) + TimeSpan.FromDays(7) - Lead, rungs[2].DueAt);
    }

    [Fact]
    public void Rungs_LeadLongerThanHalfAPeriod_IsCappedAtHalf()
    {
        var planner = new ScanPlanner(new ScanOptions(), TimeSpan.FromHours(10));

        var rungs = planner.Rungs(History(0, 0, 0), Now);

        Assert.Equal(Now.AddHours(3), rungs[0].DueAt);
    }

    [Fact]
    public void Ladder_ConfiguredSteps_ReplaceTheDefaultsSortedByAge()
    {
        var options = new ScanOptions
        {
            Steps = [new ScanStep { MaxAge = TimeSpan.FromDays(14), Every = TimeSpan.FromHours(12) }, new ScanStep { MaxAge = TimeSpan.FromDays(1), Every = TimeSpan.FromHours(1) }],
        };

        Assert.Equal([TimeSpan.FromDays(1), TimeSpan.FromDays(14)], options.Ladder.Select(s => s.MaxAge));
        Assert.Equal(TimeSpan.FromDays(14), new ScanPlanner(options, Lead).WidestWindow);
    }

    private static ScanHistory History(int since7, int since30, int sinceFull)
    {
        var windows = new Dictionary<int, DateTime>();
        if (since7 >= 0)
        {
            windows[7 * 24] = Now.AddHours(-since7);
        }

        if (since30 >= 0)
        {
            windows[30 * 24] = Now.AddHours(-since30);
        }

        return new ScanHistory(windows, sinceFull >= 0 ? Now.AddHours(-sinceFull) : null);
    }
}
