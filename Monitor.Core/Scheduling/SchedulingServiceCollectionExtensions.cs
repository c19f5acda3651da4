using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Audit;
using Monitor.Core.Backups;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Media;
using Monitor.Core.Posts.History;
using Monitor.Core.RunQueries;
using Monitor.Core.Scans;
using Monitor.Core.Scraping;
using Quartz;

namespace Monitor.Core.Scheduling;

public static class SchedulingServiceCollectionExtensions
{
    /// <summary>Quartz threads: the sweep, a credit job, the media cache and the digest may fire at the same moment.</summary>
    private const int TimedJobThreads = 4;

    /// <summary>
    /// The run queue (the run rows, claimed by <see cref="RunDispatcher"/> on processes that execute monitoring) and
    /// Quartz for the timed jobs only (sweep, credits, media, digest): the persistent clustered store in the app's
    /// PostgreSQL database, or the in-memory store on SQLite. QUEUE_NAME decides what this process runs.
    /// </summary>
    public static IServiceCollection AddMonitoringScheduling(
        this IServiceCollection services, IConfiguration configuration, DatabaseSettings database, Action<IQuartzBuilder>? addFeatureJobs = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        var settings = SchedulingSettings.FromConfiguration(configuration);
        var monitoring = configuration.GetSection(MonitoringOptions.SectionName).Get<MonitoringOptions>() ?? new MonitoringOptions();

        services.AddSingleton(settings);
        services.AddSingleton<RunQueue>();
        services.TryAddSingleton<IClaimedRunExecutor, MonitoringRunExecutor>();
        services.AddSingleton<MonitoringSweep>();
        services.AddSingleton<MonitoringQueries>();
        services.AddSingleton<MonitoringScheduleService>();
        services.AddSingleton<ProfileSchedule>();
        services.AddSingleton<IRunCloseSchedule>(provider => provider.GetRequiredService<ProfileSchedule>());
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

            // The timed jobs only: the runs execute on the dispatcher's tasks, never on Quartz's threads.
            q.UseDefaultThreadPool(tp => tp.MaxConcurrency = TimedJobThreads);
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
            q.AddAuditJobs(MonitoringSweepJob.SweepGroup);
            q.AddHistoryJobs(MonitoringSweepJob.SweepGroup);
            q.AddBackupJobs(configuration, MonitoringSweepJob.SweepGroup);
            // The jobs of features above this one (the reports) come from the root, which knows them.
            addFeatureJobs?.Invoke(q);
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
            // After the starter: it claims only once recovery has run, and stops claiming before the starter drains the runs.
            services.AddHostedService<RunDispatcher>();
            services.AddHostedService<RunReaper>();
        }

        return services;
    }

    private static string[] ServedGroups(QueueRole role) => role switch
    {
        QueueRole.ProfileMonitor => [MonitoringSweepJob.SweepGroup],
        QueueRole.MediaCache => [MediaCacheJob.ExecutionGroup],
        _ => [],
    };
}
