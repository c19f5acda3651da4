using Microsoft.Extensions.Logging;
using Quartz;

namespace Monitor.Core.Credits;

/// <summary>
/// Daily (<c>Credits:ReconcileCron</c>): rebuilds the month totals from the ledger, then fetches the provider's usage
/// report. The clustered store fires it on one node.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class CreditReconciliationJob(CreditReconciler reconciler, ILogger<CreditReconciliationJob> logger) : IJob
{
    public static readonly JobKey Key = new("credit-reconciliation", "credits");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await reconciler.RebuildMonthTotalsAsync(cancellationToken);
        var days = await reconciler.ReconcileAsync(cancellationToken);
        logger.LogInformation("Credit reconciliation: the provider reported {Days} day(s) of usage", days);
    }
}
