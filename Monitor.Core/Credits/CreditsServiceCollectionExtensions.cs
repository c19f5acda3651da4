using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Quartz;

namespace Monitor.Core.Credits;

public static class CreditsServiceCollectionExtensions
{
    /// <summary>
    /// The ledger (its queue and background writer), the budget, the balance, the usage queries and the daily
    /// reconciliation job. The counting handler itself is on the ScrapeCreators client (AddUpstreamClient).
    /// </summary>
    public static IServiceCollection AddCredits(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<CreditOptions>()
            .Bind(configuration.GetSection(CreditOptions.SectionName))
            .Validate(o => o.PricePerThousand >= 0, "Credits:PricePerThousand must not be negative.")
            .Validate(o => o.AssumedPageSize > 0, "Credits:AssumedPageSize must be positive.")
            .Validate(o => o.BalanceCacheDuration >= TimeSpan.Zero, "Credits:BalanceCacheDuration must not be negative.")
            .Validate(o => IsCron(o.ReconcileCron), "Credits:ReconcileCron is not a valid Quartz cron expression.")
            .ValidateOnStart();
        services.TryAddSingleton<CreditLedgerQueue>();
        services.TryAddSingleton<ICreditAlertSink, LoggingCreditAlertSink>();
        services.AddSingleton<CreditBudgetService>();
        services.AddSingleton<CreditWorkspaceBudgets>();
        services.AddSingleton<CreditAlerts>();
        services.AddSingleton<CreditBalanceService>();
        services.AddSingleton<CreditUsageQuery>();
        services.AddSingleton<CreditReconciler>();
        services.AddSingleton<CreditLedgerWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<CreditLedgerWriter>());

        return services;
    }

    /// <summary>The daily reconciliation job, added to the scheduler's configuration (called from AddMonitoringScheduling).</summary>
    public static void AddCreditJobs(this IQuartzBuilder quartz, IConfiguration configuration, string executionGroup)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var cron = configuration[$"{CreditOptions.SectionName}:{nameof(CreditOptions.ReconcileCron)}"];
        quartz.AddJob<CreditReconciliationJob>(j => j.WithIdentity(CreditReconciliationJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(CreditReconciliationJob.Key)
            .WithIdentity("credit-reconciliation-cron", CreditReconciliationJob.Key.Group)
            .WithExecutionGroup(executionGroup)
            .WithCronSchedule(IsCron(cron) ? cron! : new CreditOptions().ReconcileCron));
    }

    private static bool IsCron(string? expression)
    {
        if (string.IsNullOrWhiteSpace(expression))
        {
            return false;
        }

        try
        {
            _ = new CronExpression(expression);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
