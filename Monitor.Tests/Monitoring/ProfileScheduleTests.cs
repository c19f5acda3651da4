using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Monitoring.Scans;
using Monitor.Core.Monitoring.Scheduling;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Monitoring;

/// <summary>
/// Every settings change through the one owner, each field alone and combined, on both databases and a frozen clock:
/// what is stored, the next run it computes, and the run it queues or withdraws.
/// </summary>
public sealed class ProfileScheduleTests
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 20, 0, DateTimeKind.Utc);
    private static readonly DateTime NextSweep = new(2026, 11, 27, 13, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    /// <summary>How the next run is expected to come out.</summary>
    public enum Expect
    {
        Kept,
        None,
        AtOnce,
        BySlot,
        NextSweep,
    }

    /// <param name="LastRunHoursAgo">Null: the profile never ran.</param>
    /// <param name="Pending">A scheduled run is waiting (queued for half an hour from now).</param>
    /// <param name="Logs">Pending runs of the profile afterwards.</param>
    public sealed record SettingsCase(bool Enabled, int Hours, ScanMode Mode, double? LastRunHoursAgo, bool Pending, MonitoringSettingsChange Change,
        Expect Next, int Logs);

    private static readonly Dictionary<string, SettingsCase> Cases = new()
    {
        ["interval shorter, ran long ago: due at the next sweep"] = new(true, 24, ScanMode.Full, 10, false, new(IntervalHours: 6), Expect.NextSweep, 0),
        ["interval shorter, ran lately: its slot"] = new(true, 24, ScanMode.Full, 2, false, new(IntervalHours: 6), Expect.BySlot, 0),
        ["interval longer, ran lately: its slot"] = new(true, 6, ScanMode.Full, 2, false, new(IntervalHours: 168), Expect.BySlot, 0),
        ["interval, never ran: first run keeps its time"] = new(true, 24, ScanMode.Full, null, false, new(IntervalHours: 1), Expect.Kept, 0),
        ["interval, off: stored, no next run"] = new(false, 24, ScanMode.Full, 3, false, new(IntervalHours: 12), Expect.None, 0),
        ["interval, a run pending: kept queued"] = new(true, 24, ScanMode.Full, 1, true, new(IntervalHours: 12), Expect.BySlot, 1),
        ["switch on, never ran: first run at once"] = new(false, 24, ScanMode.Full, null, false, new(Enabled: true), Expect.AtOnce, 1),
        ["switch on, ran before: a run at once"] = new(false, 6, ScanMode.Full, 1, false, new(Enabled: true), Expect.AtOnce, 1),
        ["switch on, already on: unchanged"] = new(true, 24, ScanMode.Full, 2, false, new(Enabled: true), Expect.Kept, 0),
        ["switch off, a run pending: withdrawn"] = new(true, 24, ScanMode.Full, 2, true, new(Enabled: false), Expect.None, 0),
        ["switch off, already off"] = new(false, 24, ScanMode.Full, 2, false, new(Enabled: false), Expect.None, 0),
        ["by age, no scan yet: due at the next sweep"] = new(true, 24, ScanMode.Full, 3, false, new(ScanMode: ScanMode.ByAge), Expect.NextSweep, 0),
        ["back to full: its slot"] = new(true, 24, ScanMode.ByAge, 2, false, new(ScanMode: ScanMode.Full), Expect.BySlot, 0),
        ["mode, off: stored, no next run"] = new(false, 24, ScanMode.Full, 2, false, new(ScanMode: ScanMode.ByAge), Expect.None, 0),
        ["unseen posts alone: schedule unchanged"] = new(true, 24, ScanMode.Full, 2, false, new(ExcludeUnseenPosts: true), Expect.Kept, 0),
        ["all at once, switching on: a run at once"] = new(false, 24, ScanMode.Full, 5, false,
            new(Enabled: true, IntervalHours: 6, ScanMode: ScanMode.ByAge, ExcludeUnseenPosts: true), Expect.AtOnce, 1),
        ["interval and mode, a run pending: its slot, run kept"] = new(true, 6, ScanMode.ByAge, 1, true,
            new(IntervalHours: 12, ScanMode: ScanMode.Full, ExcludeUnseenPosts: false), Expect.BySlot, 1),
    };

    public static TheoryData<DatabaseProvider, string> All()
    {
        var data = new TheoryData<DatabaseProvider, string>();
        foreach (var provider in new[] { DatabaseProvider.Sqlite, DatabaseProvider.Postgres })
        {
            foreach (var name in Cases.Keys)
            {
                data.Add(provider, name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(All))]
    public async Task ChangeAsync_EachSettingAloneAndCombined_StoresItAndComputesTheNextRunOnce(DatabaseProvider provider, string name)
    {
        var c = Cases[name];
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var storedNext = Now.AddHours(5);
        var id = await host.AddProfileAsync("settings", enabled: c.Enabled, next: c.Enabled ? storedNext : null);
        var last = c.LastRunHoursAgo is { } ago ? Now.AddHours(-ago) : (DateTime?)null;
        await using (var db = database.CreateDbContext())
        {
            await db.Profiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(p => p.MonitoringIntervalHours, c.Hours)
                .SetProperty(p => p.ScanMode, c.Mode)
                .SetProperty(p => p.LastMonitoringRun, last));
        }

        if (c.Pending)
        {
            await host.Get<RunLifecycle>().QueueAsync(id, MonitoringTrigger.Scheduled, 1, Now.AddMinutes(30), CancellationToken.None);
        }

        var status = await host.Get<ProfileSchedule>().ChangeAsync(id, c.Change, CancellationToken.None);

        var stored = await host.ProfileAsync(id);
        var policy = host.Get<NextRunPolicy>();
        var interval = c.Change.IntervalHours ?? c.Hours;
        DateTime? expected = c.Next switch
        {
            Expect.Kept => storedNext,
            Expect.None => null,
            Expect.AtOnce => Now,
            Expect.BySlot => policy.NextRun(id, last!.Value, TimeSpan.FromHours(interval), Now),
            _ => NextSweep,
        };
        Assert.NotNull(status);
        Assert.Equal(
            (c.Change.Enabled ?? c.Enabled, interval, c.Change.ScanMode ?? c.Mode, c.Change.ExcludeUnseenPosts ?? false, expected, last),
            (stored.MonitoringEnabled, stored.MonitoringIntervalHours, stored.ScanMode, stored.ExcludeUnseenPosts, stored.NextMonitoringRun, stored.LastMonitoringRun));
        Assert.Equal((stored.MonitoringEnabled, stored.NextMonitoringRun), (status.Enabled, status.NextMonitoringRun));
        if (expected is { } next && last is { } lastRun && c.Next is Expect.BySlot)
        {
            Assert.InRange(next, NextSweep, lastRun + TimeSpan.FromHours(interval) + policy.SweepPeriod);
        }

        var pending = (await host.LogsAsync(id)).Where(l => l.Status == MonitoringStatus.Pending).ToList();
        Assert.Equal(c.Logs, pending.Count);
        if (c.Next == Expect.AtOnce)
        {
            Assert.Equal((MonitoringTrigger.Scheduled, Now), (pending[0].Trigger, pending[0].ScheduledFor));
        }
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task ChangeAsync_UnknownProfileEmptyOrInvalid_AnswersNullOrRefusesAndStoresNothing(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var host = await MonitoringTestHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var schedule = host.Get<ProfileSchedule>();
        var id = await host.AddProfileAsync("refused");

        Assert.Null(await schedule.ChangeAsync(Guid.NewGuid(), new(Enabled: true), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => schedule.ChangeAsync(id, new(), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => schedule.ChangeAsync(id, new(Enabled: true, IntervalHours: 0), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => schedule.ChangeAsync(id, new(IntervalHours: 169), CancellationToken.None));

        var stored = await host.ProfileAsync(id);
        Assert.Equal((false, 24, (DateTime?)null), (stored.MonitoringEnabled, stored.MonitoringIntervalHours, stored.NextMonitoringRun));
        Assert.Empty(await host.LogsAsync(id));
    }
}
