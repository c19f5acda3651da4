using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Monitor.Core.Audit;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The audit trail and its queries; a host that knows who is acting registers its own <see cref="IAuditActorSource"/> first.</summary>
    public static IServiceCollection AddAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditOptions>()
            .Bind(configuration.GetSection(AuditOptions.SectionName))
            .Validate(o => o.RetentionDays >= 0, "Audit:RetentionDays is 0 (keep everything) or a number of days.")
            .ValidateOnStart();
        services.TryAddSingleton<IAuditActorSource, SystemAuditActorSource>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<AuditLogQueries>();
        services.AddSingleton<AuditPruner>();
        return services;
    }

    /// <summary>The daily prune, at 03:17 UTC (off the hour, away from other nightly work).</summary>
    public static void AddAuditJobs(this IQuartzBuilder quartz, string executionGroup)
    {
        quartz.AddJob<AuditPruneJob>(j => j.WithIdentity(AuditPruneJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(AuditPruneJob.Key)
            .WithIdentity("audit-prune-daily", AuditPruneJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .WithCronSchedule("0 17 3 * * ?"));
    }
}
