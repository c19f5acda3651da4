using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Media;
using Monitor.Core.Monitoring.Queries;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Monitoring.Scans;
using Monitor.Core.Scraping;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>
    /// Quartz for monitoring runs: the persistent clustered store in the app's PostgreSQL database, or the in-memory
    /// store on SQLite (pending runs are re-queued from the logs at start). QUEUE_NAME decides what this process runs.
    /// </summary>
    public static IServiceCollection AddMonitoringScheduling(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var settings = SchedulingSettings.FromConfiguration(configuration);
        var monitoring = configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();

        services.AddSingleton(settings);
        services.AddSingleton<QuartzBulkTriggers>();
        services.AddSingleton<RunQueue>();
        services.AddSingleton<MonitoringSweep>();
        services.AddSingleton<MonitoringQueries>();
        services.AddSingleton<MonitoringScheduleService>();
        services.AddSingleton<ProfileSchedule>();
        var nextRuns = new NextRunPolicy(monitoring.SweepCron);
        services.AddSingleton(nextRuns);
        services.AddSingleton(provider => new ScanPlanner(
            provider.GetRequiredService<IOptions<ScanOptions>>().Value, monitoring.SweepJitter));
        services.AddSingleton<ScanModeService>();
        services.AddSingleton<RunLifecycle>();
        services.AddSingleton<RunShutdown>();
        services.AddSingleton<MonitoringRecovery>();

        services.AddQuartz(q =>
        {
            // The app's TimeProvider may be a test's frozen clock; the scheduler's own timing always runs on real time.
            q.UseTimeProvider(TimeProvider.System);
            q.ConfigureScheduler(o =>
            {
                o.InstanceName = settings.SchedulerName;
                // A trigger queued by another process (a web node) is seen within a second, not the default 30.
                o.IdleWaitTime = TimeSpan.FromSeconds(1);
            });
            var served = ServedGroups(settings.Role);
            if (served.Length > 0)
            {
                q.ServeExecutionGroups(served);
            }

            // Two threads more than runs allowed, so the sweep and the media cache never wait behind a full queue of runs.
            // Runs ahead of the concurrency wait for a page slot (UpstreamSlots), not for Quartz.
            var runs = monitoring.Concurrency + monitoring.EffectiveRunsAhead;
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = runs + 2);
            q.UseExecutionLimits(l => l.ForGroup(RunQueue.RunGroup, runs));
            if (database.Provider == DatabaseProvider.Postgres)
            {
                q.UsePersistentStore(s =>
                {
                    s.UsePostgres(database.ConnectionString);
                    s.UseClustering(c =>
                    {
                        c.CheckinInterval = TimeSpan.FromSeconds(5);
                        c.CheckinMisfireThreshold = TimeSpan.FromSeconds(15);
                    });
                    s.UseSystemTextJsonSerializer();
                    // The tables come from the EF migration QuartzJobStore (QuartzSchema), applied before the scheduler starts.
                });
            }
            else
            {
                q.UseInMemoryStore();
            }

            q.AddJob<MonitoringSweepJob>(j => j.WithIdentity(MonitoringSweepJob.Key).StoreDurably());
            q.AddTrigger(t => t
                .ForJob(MonitoringSweepJob.Key)
                .WithIdentity("sweep-cron", MonitoringSweepJob.SweepGroup)
                .WithExecutionGroup(MonitoringSweepJob.SweepGroup)
                .WithCronSchedule(monitoring.SweepCron));
            q.AddCreditJobs(configuration, MonitoringSweepJob.SweepGroup);
            q.AddMediaJobs(configuration);
        });

        // Quartz creates the scheduler in standby and shuts it down on stop; the starter recovers, then starts it.
        services.AddQuartzHostedService(o =>
        {
            o.AutoStart = false;
            o.AwaitApplicationStarted = false;
            o.WaitForJobsToComplete = false;
        });
        // Registered after Quartz's hosted service, so it stops first: it drains the runs while the scheduler still exists.
        services.AddHostedService<MonitoringSchedulerStarter>();
        if (settings.ExecutesMonitoring)
        {
            services.AddHostedService<RunReaper>();
        }

        return services;
    }

    private static string[] ServedGroups(QueueRole role) => role switch
    {
        QueueRole.ProfileMonitor => [RunQueue.RunGroup, MonitoringSweepJob.SweepGroup],
        QueueRole.MediaCache => [MediaCacheJob.ExecutionGroup],
        _ => [],
    };
}
