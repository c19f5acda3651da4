using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scheduling;

/// <summary>
/// Every settings change through the one owner, each field alone and combined, on both databases and a frozen clock:
/// what is stored, the next run it computes, and the run it queues or withdraws.
/// </summary>
public abstract class ProfileScheduleTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 20, 0, DateTimeKind.Utc);
    private static readonly DateTime NextSweep = new(2026, 11, 27, 13, 0, 0, DateTimeKind.Utc);
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Theory]
    [MemberData(nameof(ProfileScheduleCases.Names), MemberType = typeof(ProfileScheduleCases))]
    public async Task ChangeAsync_EachSettingAloneAndCombined_StoresItAndComputesTheNextRunOnce(string name)
    {
        var c = ProfileScheduleCases.All[name];
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var storedNext = Now.AddHours(5);
        var id = await host.StoreProfileAsync("settings", enabled: c.Enabled, next: c.Enabled ? storedNext : null);
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
            ProfileScheduleCases.Expect.Kept => storedNext,
            ProfileScheduleCases.Expect.None => null,
            ProfileScheduleCases.Expect.AtOnce => Now,
            ProfileScheduleCases.Expect.BySlot => policy.NextRun(id, last!.Value, TimeSpan.FromHours(interval), Now),
            _ => NextSweep,
        };
        Assert.NotNull(status);
        Assert.Equal(
            (c.Change.Enabled ?? c.Enabled, interval, c.Change.ScanMode ?? c.Mode, c.Change.ExcludeUnseenPosts ?? false, expected, last),
            (stored.MonitoringEnabled, stored.MonitoringIntervalHours, stored.ScanMode, stored.ExcludeUnseenPosts, stored.NextMonitoringRun, stored.LastMonitoringRun));
        Assert.Equal((stored.MonitoringEnabled, stored.NextMonitoringRun), (status.Enabled, status.NextMonitoringRun));
        if (expected is { } next && last is { } lastRun && c.Next is ProfileScheduleCases.Expect.BySlot)
        {
            Assert.InRange(next, NextSweep, lastRun + TimeSpan.FromHours(interval) + policy.SweepPeriod);
        }

        var pending = (await host.LogsAsync(id)).Where(l => l.Status == MonitoringStatus.Pending).ToList();
        Assert.Equal(c.Logs, pending.Count);
        if (c.Next == ProfileScheduleCases.Expect.AtOnce)
        {
            Assert.Equal((MonitoringTrigger.Scheduled, Now), (pending[0].Trigger, pending[0].ScheduledFor));
        }
    }

    [Fact]
    public async Task ChangeAsync_UnknownProfileEmptyOrInvalid_AnswersNullOrRefusesAndStoresNothing()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var schedule = host.Get<ProfileSchedule>();
        var id = await host.StoreProfileAsync("refused");

        Assert.Null(await schedule.ChangeAsync(Guid.NewGuid(), new(Enabled: true), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => schedule.ChangeAsync(id, new(), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => schedule.ChangeAsync(id, new(Enabled: true, IntervalHours: 0), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => schedule.ChangeAsync(id, new(IntervalHours: 169), CancellationToken.None));

        var stored = await host.ProfileAsync(id);
        Assert.Equal((false, 24, (DateTime?)null), (stored.MonitoringEnabled, stored.MonitoringIntervalHours, stored.NextMonitoringRun));
        Assert.Empty(await host.LogsAsync(id));
    }
}

public sealed class PostgresProfileScheduleTests : ProfileScheduleTests<PostgresDatabase>;

public sealed class SqliteProfileScheduleTests : ProfileScheduleTests<SqliteDatabase>;
