using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Monitor.Core.Backups;

public static class BackupServiceCollectionExtensions
{
    public static IServiceCollection AddBackups(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<BackupOptions>()
            .Bind(configuration.GetSection(BackupOptions.SectionName))
            .Validate(o => o.Keep >= 1, "Backup:Keep must be at least 1.")
            .Validate(o => BackupSchedule.IsValid(o.Schedule), "Backup:Schedule is not a valid cron expression (e.g. 0 0 3 * * ? for 03:00 every night).")
            .ValidateOnStart();
        services.AddSingleton<BackupService>();
        services.AddSingleton<PostgresMove>();
        return services;
    }

    /// <summary>The scheduled backup when <c>Backup:Schedule</c> is set, run by the nodes that run the sweep (<paramref name="executionGroup"/>).</summary>
    public static void AddBackupJobs(this IQuartzBuilder quartz, IConfiguration configuration, string executionGroup)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var schedule = configuration.GetSection(BackupOptions.SectionName).Get<BackupOptions>()?.Schedule;
        if (string.IsNullOrWhiteSpace(schedule) || !BackupSchedule.IsValid(schedule))
        {
            return;
        }

        quartz.AddJob<BackupJob>(j => j.WithIdentity(BackupJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(BackupJob.Key)
            .WithIdentity("backup-schedule", BackupJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .WithCronSchedule(schedule, c => c.InTimeZone(TimeZoneInfo.Utc)));
    }
}
