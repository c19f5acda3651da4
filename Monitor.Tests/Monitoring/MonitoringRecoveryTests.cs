using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;

namespace Monitor.Tests.Monitoring;

public sealed class MonitoringRecoveryTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task Restart_WithQueuedStoppedAndDeadRuns_LosesNothing(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        Guid stopped, queued, dead;
        await using (var first = await MonitoringTestHost.StartAsync(database, new() { ["Monitoring:Concurrency"] = "1" }))
        {
            first.Executor.Upstream = async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                return null;
            };
            stopped = await first.AddProfileAsync("stopped");
            queued = await first.AddProfileAsync("queued");
            dead = await first.AddProfileAsync("dead");
            var service = first.Get<MonitoringScheduleService>();
            await service.QueueManualRunAsync(stopped, CancellationToken.None);
            await MonitoringTestHost.WaitUntilAsync(() => Task.FromResult(first.Executor.Started.Count == 1), "the first run to start");
            await service.QueueManualRunAsync(queued, CancellationToken.None);
            await first.StopAsync();
        }

        // A process that died mid-run leaves a running log and no live firing behind.
        await using (var seed = await MonitoringTestHost.StartAsync(database, start: false))
        {
            await using var db = await seed.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
            db.MonitoringLogs.Add(new ProfileMonitoringLog
            {
                ProfileId = dead,
                Status = MonitoringStatus.Running,
                Trigger = MonitoringTrigger.Scheduled,
                CreatedAt = DateTime.UtcNow,
                ScheduledFor = DateTime.UtcNow,
                StartedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var second = await MonitoringTestHost.StartAsync(database);
        await second.WaitForLogsAsync(logs => new[] { stopped, queued, dead }.All(p => logs.Any(l => l.ProfileId == p && l.Status == MonitoringStatus.Completed)),
            "every profile to complete a run after the restart", seconds: 40);

        var all = await second.LogsAsync();
        var stoppedLogs = all.Where(l => l.ProfileId == stopped).ToList();
        Assert.Equal([MonitoringStatus.Failed, MonitoringStatus.Completed], stoppedLogs.Select(l => l.Status));
        Assert.StartsWith("Interrupted", stoppedLogs[0].Error, StringComparison.Ordinal);
        Assert.Equal((2, MonitoringTrigger.Manual), (stoppedLogs[1].Attempt, stoppedLogs[1].Trigger));
        Assert.Equal(MonitoringStatus.Completed, Assert.Single(all, l => l.ProfileId == queued).Status);
        var deadLogs = all.Where(l => l.ProfileId == dead).ToList();
        Assert.Equal("Interrupted: the app stopped during the run; queued again as a new attempt.", deadLogs[0].Error);
        Assert.Equal((2, MonitoringStatus.Completed), (deadLogs[1].Attempt, deadLogs[1].Status));
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task QueueNameNone_QueuesButDoesNotExecute_WorkerRunsItLater(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        Guid profile;
        await using (var web = await MonitoringTestHost.StartAsync(database, new() { ["QUEUE_NAME"] = "none" }))
        {
            profile = await web.AddProfileAsync("webonly");
            var run = await web.Get<MonitoringScheduleService>().QueueManualRunAsync(profile, CancellationToken.None);
            await Task.Delay(2000);

            Assert.Equal(MonitoringStatus.Pending, run!.Status);
            Assert.Empty(web.Executor.Started);
            Assert.Equal(MonitoringStatus.Pending, Assert.Single(await web.LogsAsync()).Status);
        }

        await using var worker = await MonitoringTestHost.StartAsync(database);
        await worker.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Completed, "the worker to run it");
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task TriggerMonitoringCommand_DueProfiles_QueuesAndReturns(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using (var cli = await MonitoringTestHost.StartAsync(database, start: false))
        {
            await cli.AddProfileAsync("due", enabled: true, next: DateTime.UtcNow.AddMinutes(-1));
            await cli.AddProfileAsync("not.due", enabled: true, next: DateTime.UtcNow.AddHours(2));

            Assert.False(await MonitoringCommandLine.TryRunAsync(cli.Services, ["migrate"], CancellationToken.None));
            Assert.True(await MonitoringCommandLine.TryRunAsync(cli.Services, [MonitoringCommandLine.TriggerMonitoring], CancellationToken.None));

            var log = Assert.Single(await cli.LogsAsync());
            Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Scheduled), (log.Status, log.Trigger));
            Assert.Empty(cli.Executor.Started);
        }

        await using var app = await MonitoringTestHost.StartAsync(database);
        await app.WaitForLogsAsync(logs => logs.Count == 1 && logs[0].Status == MonitoringStatus.Completed, "the next start to run it");
    }
}
