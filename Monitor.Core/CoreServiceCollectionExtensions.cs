using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.ApiKeys;
using Monitor.Core.Audit;
using Monitor.Core.Backups;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Exports;
using Monitor.Core.Groups;
using Monitor.Core.Insights;
using Monitor.Core.LiveEvents;
using Monitor.Core.Media;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Reports;
using Monitor.Core.Scheduling;
using Monitor.Core.Scraping;
using Monitor.Core.Share;
using Monitor.Core.Statistics;
using Monitor.Core.Telemetry;
using Monitor.Core.Workspaces;
using Quartz;

namespace Monitor.Core;

public static class CoreServiceCollectionExtensions
{
    /// <summary>The one entry point: data, scraping, monitoring.</summary>
    public static IServiceCollection AddMonitorCore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var database = DatabaseSettings.FromConfiguration(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(configuration);
        services.AddMonitorData(database);
        services.AddAudit(configuration);
        services.AddMonitorWorkspaces();
        services.AddPostHistory(configuration);
        services.AddMonitorTelemetry();
        services.AddSingleton<RunTelemetry>();
        services.AddHostedService(sp => sp.GetRequiredService<RunTelemetry>());
        services.AddUpstreamClient(configuration);
        services.AddMedia(configuration, database, ScrapingServiceCollectionExtensions.IsSimulated(configuration));
        services.AddMonitoring(database, configuration);
        services.AddSingleton<PostQueries>();
        services.AddSingleton<ProfileHistoryQueries>();
        services.AddSingleton<Audience.AccountHistoryQueries>();
        services.AddSingleton<Audience.FollowersAtPostingQuery>();
        services.AddSingleton<BulkPostService>();
        services.AddSingleton<ProfileExports>();
        services.AddChangeLog();
        services.AddSingleton<ChangeFeedService>();
        services.AddInsights();
        services.AddOptions<MonitoringOptions>()
            .Validate(o => ReportingTimeZone.IsKnown(o.TimeZone), "Monitoring:TimeZone is not a time zone this machine knows (use an IANA id such as UTC or Europe/Berlin).");
        services.AddSingleton(sp => ReportingTimeZone.FromId(sp.GetRequiredService<IOptions<MonitoringOptions>>().Value.TimeZone));
        services.AddSingleton<MonitoringStatisticsQuery>();
        services.AddSingleton<Summary.HomeSummaryQuery>();
        services.AddTransient<ProfileService>();
        services.AddSingleton<ApiKeyService>();
        services.AddMonitorAccounts();
        services.AddSingleton<Appearance.ThemePreferenceStore>();
        // Before scheduling: hosted services stop in reverse, so the ledger writer drains after the runs have stopped.
        services.AddCredits(configuration);
        services.AddMonitoringScheduling(configuration, database, q => q.AddReportJobs(MonitoringSweepJob.SweepGroup));
        services.AddNotifications(configuration);
        services.AddGroups(configuration);
        services.AddBackups(configuration);
        services.AddReports(configuration);
        services.AddShareLinks();
        return services;
    }

    /// <summary>
    /// The ScrapeCreators client as the app uses it: every attempt, retries included, counted for the credit ledger and
    /// the upstream telemetry (the handlers sit inside the resilience pipeline, added after it).
    /// </summary>
    public static IServiceCollection AddUpstreamClient(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddScrapeCreators(configuration);
        services.AddTransient<CreditCountingHandler>();
        services.AddMonitorInstruments();
        services.TryAddSingleton<ITelemetryStateSource, TelemetryStateReader>();
        services.TryAddSingleton<CreditLedgerQueue>();
        services.TryAddSingleton(_ => ReportingTimeZone.FromId(configuration[$"{MonitoringOptions.SectionName}:{nameof(MonitoringOptions.TimeZone)}"]));
        services.AddHttpClient(ScrapingServiceCollectionExtensions.HttpClientName)
            .AddHttpMessageHandler<CreditCountingHandler>()
            .AddHttpMessageHandler<UpstreamTelemetryHandler>();
        return services;
    }
}
