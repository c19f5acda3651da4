using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Scheduling;
using Monitor.Core.Profiles;
using Quartz;

namespace Monitor.Benchmarks;

/// <summary>
/// The sweep over many monitored profiles of which some are due: seconds to queue every due run (run rows and Quartz
/// triggers in the app's own store), medians of the rounds; the due runs are withdrawn between rounds.
/// </summary>
internal sealed class SweepBenchmark(BenchmarkSettings settings)
{
    private const string WithdrawSql = $"""
        DELETE FROM {QuartzSchema.TablePrefix}simple_triggers WHERE trigger_group = '{RunQueue.RunGroup}';
        DELETE FROM {QuartzSchema.TablePrefix}triggers WHERE trigger_group = '{RunQueue.RunGroup}';
        """;

    /// <returns>
    /// Median seconds of the sweep, how many runs the last round queued, and the seconds of the last round's Quartz part
    /// alone (the same number of triggers handed to the scheduler in one call, without the run rows).
    /// </returns>
    public async Task<(double Seconds, int Queued, double QuartzSeconds)> RunAsync(BenchDatabase database)
    {
        await SeedAsync(database);
        var sweep = database.Get<MonitoringSweep>();
        var scheduler = await database.Get<ISchedulerFactory>().GetScheduler();
        var seconds = new List<double>();
        var queued = 0;
        for (var round = 0; round < settings.Rounds; round++)
        {
            var elapsed = await Rounds.TimeAsync(async () => queued = await sweep.RunAsync(CancellationToken.None));
            seconds.Add(elapsed.TotalSeconds);
            await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
            await db.MonitoringLogs.ExecuteDeleteAsync();
            await WithdrawTriggersAsync(database, scheduler);
        }

        var synthetic = Enumerable.Range(0, queued).Select(i => new ProfileMonitoringLog
        {
            Id = 1_000_000_000_000 + i,
            ProfileId = Guid.NewGuid(),
            Trigger = MonitoringTrigger.Scheduled,
            ScheduledFor = DateTime.UtcNow.AddHours(1),
        }).ToList();
        var quartz = await Rounds.TimeAsync(() => database.Get<RunQueue>().EnqueueManyAsync(synthetic, CancellationToken.None));
        return (Rounds.Median(seconds), queued, quartz.TotalSeconds);
    }

    /// <summary>
    /// Drops the queued triggers and keeps the profiles' durable jobs, as between two real sweeps (Quartz's own Clear
    /// deletes 10,000 jobs row by row for minutes).
    /// </summary>
    private static async Task WithdrawTriggersAsync(BenchDatabase database, IScheduler scheduler)
    {
        if (database.Provider != DatabaseProvider.Postgres)
        {
            await scheduler.Clear();
            return;
        }

        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(WithdrawSql);
    }

    private async Task SeedAsync(BenchDatabase database)
    {
        var now = DateTime.UtcNow;
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        foreach (var chunk in Enumerable.Range(0, settings.SweepProfiles).Chunk(5_000))
        {
            await using var db = await factory.CreateDbContextAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Profiles.AddRange(chunk.Select(i => new TiktokProfile
            {
                Handle = $"sweep_{i}",
                MonitoringEnabled = true,
                NextMonitoringRun = i < settings.SweepDue ? now.AddMinutes(-1) : now.AddDays(1),
                CreatedAt = now,
                UpdatedAt = now,
            }));
            await db.SaveChangesAsync();
        }
    }
}
