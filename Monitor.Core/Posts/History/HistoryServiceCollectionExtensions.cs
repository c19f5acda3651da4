using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Monitor.Core.Posts.History;

public static class HistoryServiceCollectionExtensions
{
    /// <summary>The history's tiers (validated on start), its partitions ahead (at start and daily) and its compaction.</summary>
    public static IServiceCollection AddPostHistory(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<HistoryOptions>()
            .Bind(configuration.GetSection(HistoryOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<HistoryPartitionMaintainer>();
        services.AddSingleton<HistoryCompactor>();
        services.AddHostedService<HistoryPartitionsStartup>();
        return services;
    }

    /// <summary>Daily: the partitions ahead at 02:41 UTC, the compaction at 03:47 UTC (off the hour, apart from the audit prune).</summary>
    public static void AddHistoryJobs(this IQuartzBuilder quartz, string executionGroup)
    {
        quartz.AddJob<HistoryPartitionsJob>(j => j.WithIdentity(HistoryPartitionsJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(HistoryPartitionsJob.Key)
            .WithIdentity("history-partitions-daily", HistoryPartitionsJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .WithCronSchedule("0 41 2 * * ?"));
        quartz.AddJob<HistoryCompactionJob>(j => j.WithIdentity(HistoryCompactionJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(HistoryCompactionJob.Key)
            .WithIdentity("history-compaction-daily", HistoryCompactionJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .WithCronSchedule("0 47 3 * * ?"));
    }
}
