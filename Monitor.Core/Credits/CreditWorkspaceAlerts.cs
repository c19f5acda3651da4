using Microsoft.Extensions.Logging;
using Monitor.Core.Common;

namespace Monitor.Core.Credits;

/// <summary>
/// Raises each workspace's own budget alerts (80 %, spent) once per month and workspace across nodes; they go only to
/// that workspace's channels (the sink reads <see cref="CreditAlert.WorkspaceId"/>).
/// </summary>
public sealed class CreditWorkspaceAlerts(
    CreditWorkspaceBudgets budgets,
    CreditBudgetService budget,
    ICreditAlertSink sink,
    ReportingTimeZone zone,
    ILogger<CreditWorkspaceAlerts> logger)
{
    public async Task CheckAsync(CancellationToken cancellationToken)
    {
        foreach (var status in await budgets.GetStatusesAsync(null, cancellationToken))
        {
            var kind = status.Level switch
            {
                CreditBudgetLevel.Warning => CreditAlertKind.BudgetWarning,
                CreditBudgetLevel.Exceeded => CreditAlertKind.BudgetExceeded,
                _ => (CreditAlertKind?)null,
            };
            if (kind is not { } alertKind || status.WorkspaceId is not { } workspaceId
                || !await budget.TryClaimWorkspaceAlertAsync(status.MonthStart, alertKind, workspaceId, cancellationToken))
            {
                continue;
            }

            var alert = new CreditAlert(alertKind, status.MonthStart, status.MonthlyBudget, status.SpentThisMonth,
                WorkspaceBudgetAlertText.Message(alertKind, status, zone.Id), workspaceId, status.WorkspaceName);
            try
            {
                await sink.SendAsync(alert, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One workspace's failing channel must not stop the others' alerts or the ledger.
                logger.LogError(ex, "Credit alert {Kind} for workspace {WorkspaceId} could not be sent", alert.Kind, workspaceId);
            }
        }
    }
}
