using Microsoft.EntityFrameworkCore;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Delivery;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>
/// Workspaces A and B watch one profile; A lowers its growth thresholds for it. Two real runs against the fake upstream
/// raise the post's views past A's thresholds but not the defaults B follows: only A's mail server gets the alert, and
/// B's thresholds and rules stay unset.
/// </summary>
public abstract class WorkspaceAlertTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task SharedProfile_AsThresholdCrossedByARealRun_OnlyAsChannelHearsIt()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:MaxAttempts"] = "1" }, start: false);
        await using var mailOfA = await TestSmtpServer.StartAsync();
        await using var mailOfB = await TestSmtpServer.StartAsync();
        var workspaceA = WorkspaceDefaults.FirstId;
        var workspaceB = (await host.Get<WorkspaceService>().CreateAsync(new WorkspaceScope(), new WorkspaceInput("Bravo", null), CancellationToken.None)).Value!.Id;
        var views = 100L;
        var postId = FakeFeed.Id(7, 424242);
        var profileId = await host.StoreProfileAsync("shared.alerts", feed: _ => (200, FakeFeed.Page([(postId, views)], null)));
        await using (var db = database.CreateDbContext())
        {
            db.WorkspaceProfiles.AddRange(
                new WorkspaceProfile { WorkspaceId = workspaceA, ProfileId = profileId, AddedAt = DateTime.UtcNow },
                new WorkspaceProfile { WorkspaceId = workspaceB, ProfileId = profileId, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var accessor = host.Get<WorkspaceScopeAccessor>();
        accessor.Current = Editor(workspaceB);
        var channelOfB = await NotificationTestData.CreateAsync(host, NotificationTestData.Email(mailOfB.Port, ["growth"]));
        accessor.Current = Editor(workspaceA);
        var channelOfA = await NotificationTestData.CreateAsync(host, NotificationTestData.Email(mailOfA.Port, ["growth"]));
        var set = await host.Get<ProfileThresholdService>().SetAsync(profileId, new ProfileThresholdsInput(10, 1_000, null), CancellationToken.None);
        Assert.NotNull(set?.Thresholds);
        accessor.Current = null;

        Assert.Equal(MonitoringStatus.Completed, (await host.RunOnceAsync(profileId)).Status);
        views = 5_000;
        Assert.Equal(MonitoringStatus.Completed, (await host.RunOnceAsync(profileId)).Status);
        await host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        var alert = await mailOfA.WaitForMessageAsync();
        Assert.Contains("from 100 to 5,000 views", alert.TextBody, StringComparison.Ordinal);
        Assert.Empty(mailOfB.Messages);
        await using (var db = database.CreateDbContext())
        {
            var delivery = Assert.Single(await db.NotificationDeliveries.AsNoTracking().ToListAsync());
            Assert.Equal((channelOfA.Id, NotificationKind.Growth), (delivery.ChannelId!.Value, delivery.Kind));
            Assert.DoesNotContain(await db.NotificationDeliveries.Select(d => d.ChannelId).ToListAsync(), id => id == channelOfB.Id);
            Assert.Equal([workspaceA], await db.PostAlerts.Select(a => a.WorkspaceId).ToListAsync());
        }

        accessor.Current = Editor(workspaceB);
        var ofB = await host.Get<ProfileThresholdService>().GetAsync(profileId, CancellationToken.None);
        var rulesOfB = await host.Get<WorkspaceAlertRulesService>().GetAsync(CancellationToken.None);
        accessor.Current = null;
        Assert.Equal((null, null, null, 50d, 10_000L), (ofB!.GrowthPercent, ofB.GrowthViews, ofB.BreakoutMultiple, ofB.EffectiveGrowthPercent, ofB.EffectiveGrowthViews));
        Assert.Equal((workspaceB, (int?)null, (double?)null), (rulesOfB!.WorkspaceId, rulesOfB.FailuresBeforeAlert, rulesOfB.GrowthPercent));
    }

    [Fact]
    public async Task SharedProfile_AsFailureRule_OnlyAsChannelHearsTheFailure()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var host = await CoreHost.StartAsync(database, new() { ["Monitoring:MaxAttempts"] = "1", ["Notifications:FailuresBeforeAlert"] = "2" }, start: false);
        await using var mailOfA = await TestSmtpServer.StartAsync();
        await using var mailOfB = await TestSmtpServer.StartAsync();
        var workspaceB = (await host.Get<WorkspaceService>().CreateAsync(new WorkspaceScope(), new WorkspaceInput("Bravo", null), CancellationToken.None)).Value!.Id;
        var profileId = await host.StoreProfileAsync("failing.shared", feed: _ => (503, """{"success":false,"message":"maintenance"}"""));
        await using (var db = database.CreateDbContext())
        {
            db.WorkspaceProfiles.AddRange(
                new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = profileId, AddedAt = DateTime.UtcNow },
                new WorkspaceProfile { WorkspaceId = workspaceB, ProfileId = profileId, AddedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var accessor = host.Get<WorkspaceScopeAccessor>();
        accessor.Current = Editor(workspaceB);
        await NotificationTestData.CreateAsync(host, NotificationTestData.Email(mailOfB.Port));
        accessor.Current = Editor(WorkspaceDefaults.FirstId);
        await NotificationTestData.CreateAsync(host, NotificationTestData.Email(mailOfA.Port));
        var saved = await host.Get<WorkspaceAlertRulesService>().SetAsync(new WorkspaceAlertRulesInput(1, null, null, null), CancellationToken.None);
        Assert.Equal(1, saved!.Rules!.EffectiveFailuresBeforeAlert);
        accessor.Current = null;

        Assert.Equal(MonitoringStatus.Failed, (await host.RunOnceAsync(profileId)).Status);
        await host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        var failed = await mailOfA.WaitForMessageAsync();
        Assert.Equal("@failing.shared: monitoring failed", failed.Subject);
        Assert.Empty(mailOfB.Messages);
        await using var check = database.CreateDbContext();
        var states = await check.ProfileAlertStates.AsNoTracking().ToDictionaryAsync(s => s.WorkspaceId);
        Assert.Equal((1, true), (states[WorkspaceDefaults.FirstId].ConsecutiveFailures, states[WorkspaceDefaults.FirstId].FailureAlerted));
        Assert.Equal((1, false), (states[workspaceB].ConsecutiveFailures, states[workspaceB].FailureAlerted));
    }

    private static WorkspaceScope Editor(Guid workspaceId)
    {
        var scope = new WorkspaceScope();
        scope.Restrict(new Dictionary<Guid, WorkspaceRole> { [workspaceId] = WorkspaceRole.Admin }, workspaceId);
        return scope;
    }
}

public sealed class PostgresWorkspaceAlertTests : WorkspaceAlertTests<PostgresDatabase>;

public sealed class SqliteWorkspaceAlertTests : WorkspaceAlertTests<SqliteDatabase>;
