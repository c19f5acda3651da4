using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scheduling;

/// <summary>Per-profile intervals through the schedule's owner and the profile service, on both databases, on a frozen clock.</summary>
public abstract class MonitoringIntervalTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private static readonly DateTime Now = new(2026, 11, 27, 12, 20, 0, DateTimeKind.Utc);
    private static readonly Dictionary<string, string?> QueueOnly = new() { ["QUEUE_NAME"] = "none" };

    [Fact]
    public async Task SetInterval_MonitoredProfileThatRan_RecountsTheNextRunFromTheLastRun()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var service = host.Get<ProfileSchedule>();
        var policy = host.Get<NextRunPolicy>();
        var lastRun = Now.AddHours(-10);
        var id = await host.StoreProfileAsync("ran.before", enabled: true, next: Now.AddHours(14));
        await SetLastRunAsync(database, id, lastRun);

        var six = await service.ChangeAsync(id, new(IntervalHours: 6), CancellationToken.None);
        var sixStored = await host.ProfileAsync(id);
        var week = await service.ChangeAsync(id, new(IntervalHours: 168), CancellationToken.None);

        Assert.Equal((6, policy.NextRun(id, lastRun, TimeSpan.FromHours(6), Now)), (six!.IntervalHours, six.NextMonitoringRun!.Value));
        Assert.Equal((6, six.NextMonitoringRun), (sixStored.MonitoringIntervalHours, sixStored.NextMonitoringRun));
        // Six hours after a run ten hours ago is past: the next hourly sweep serves it.
        Assert.Equal(new DateTime(2026, 11, 27, 13, 0, 0, DateTimeKind.Utc), six.NextMonitoringRun.Value);
        Assert.Equal((168, policy.NextRun(id, lastRun, TimeSpan.FromHours(168), Now)), (week!.IntervalHours, week.NextMonitoringRun!.Value));
        Assert.InRange(week.NextMonitoringRun.Value, Now, lastRun.AddHours(169));
    }

    [Fact]
    public async Task SetInterval_OffOrNeverRunOrUnknown_KeepsTheNextRunOrAnswersNull()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, QueueOnly, new FakeTimeProvider(Now));
        var service = host.Get<ProfileSchedule>();
        var off = await host.StoreProfileAsync("off");
        await SetLastRunAsync(database, off, Now.AddHours(-3));
        var firstRunDue = await host.StoreProfileAsync("first.run.due", enabled: true, next: Now.AddMinutes(-1));

        var offStatus = await service.ChangeAsync(off, new(IntervalHours: 12), CancellationToken.None);
        var dueStatus = await service.ChangeAsync(firstRunDue, new(IntervalHours: 1), CancellationToken.None);

        Assert.Equal((12, false, (DateTime?)null), (offStatus!.IntervalHours, offStatus.Enabled, offStatus.NextMonitoringRun));
        Assert.Equal((1, Now.AddMinutes(-1)), (dueStatus!.IntervalHours, dueStatus.NextMonitoringRun!.Value));
        Assert.Null(await service.ChangeAsync(Guid.NewGuid(), new(IntervalHours: 6), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.ChangeAsync(off, new(IntervalHours: 0), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => service.ChangeAsync(off, new(IntervalHours: 169), CancellationToken.None));
        Assert.Equal(12, (await host.ProfileAsync(off)).MonitoringIntervalHours);
    }

    [Fact]
    public async Task Add_WithoutInterval_TakesTheConfiguredDefaultAndAnExplicitOneWins()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database,
            new() { ["QUEUE_NAME"] = "none", ["Monitoring:DefaultIntervalHours"] = "6" }, new FakeTimeProvider(Now));
        var profiles = host.Get<ProfileService>();
        foreach (var handle in new[] { "by.default", "explicit", "too.long" })
        {
            host.Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        }

        var byDefault = await profiles.AddAsync("by.default", false, CancellationToken.None);
        var explicitly = await profiles.AddAsync("explicit", false, 72, CancellationToken.None);
        var tooLong = await profiles.AddAsync("too.long", false, 169, CancellationToken.None);

        Assert.Equal(6, byDefault.Profile!.MonitoringIntervalHours);
        Assert.Equal(6, (await host.ProfileAsync(byDefault.Profile.Id)).MonitoringIntervalHours);
        Assert.Equal(72, (await host.ProfileAsync(explicitly.Profile!.Id)).MonitoringIntervalHours);
        Assert.Equal(AddProfileStatus.InvalidInterval, tooLong.Status);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Profiles.AnyAsync(p => p.Handle == "too.long"));
    }

    private static async Task SetLastRunAsync(SchedulingDatabase database, Guid id, DateTime lastRun)
    {
        await using var db = database.CreateDbContext();
        await db.Profiles.Where(p => p.Id == id).ExecuteUpdateAsync(s => s.SetProperty(p => p.LastMonitoringRun, lastRun));
    }
}

public sealed class PostgresMonitoringIntervalTests : MonitoringIntervalTests<PostgresDatabase>;

public sealed class SqliteMonitoringIntervalTests : MonitoringIntervalTests<SqliteDatabase>;
