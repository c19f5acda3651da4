using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Workspaces;
using Quartz;

namespace Monitor.Core.Reports;

public static class ReportsServiceCollectionExtensions
{
    /// <summary>Report definitions, their content, rendering and delivery. The hourly job is added with the scheduler (AddReportJobs).</summary>
    public static IServiceCollection AddReports(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ReportOptions>()
            .Bind(configuration.GetSection(ReportOptions.SectionName))
            .Validate(o => o.KeepDays is >= 1 and <= 3650, "Reports:KeepDays is 1–3650 days.")
            .ValidateOnStart();
        services.AddSingleton<ReportContentBuilder>();
        services.AddSingleton<ReportDelivery>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<IWorkspaceUnlinkStep, ReportUnlinkStep>();
        return services;
    }

    /// <summary>The hourly pass that sends each report once its period is over and its send hour has come.</summary>
    /// <param name="executionGroup">The group of the nodes that run the scheduled work (the sweep's), so it runs where the sweep runs.</param>
    public static void AddReportJobs(this IQuartzBuilder quartz, string executionGroup)
    {
        ArgumentNullException.ThrowIfNull(quartz);
        quartz.AddJob<ReportJob>(j => j.WithIdentity(ReportJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(ReportJob.Key)
            .WithIdentity("scheduled-reports-hourly", ReportJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
    }
}
