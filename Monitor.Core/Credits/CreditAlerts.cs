using Microsoft.Extensions.Logging;
using Monitor.Core.Common;

namespace Monitor.Core.Credits;

/// <summary>
/// Raises each budget alert once per month across nodes (the instance's, then each workspace's own), and the
/// out-of-credits alert when a 402 starts a pause.
/// </summary>
public sealed class CreditAlerts(
    CreditBudgetService budget,
    CreditWorkspaceBudgets workspaceBudgets,
    ReportingTimeZone zone,
    ICreditAlertSink sink,
    ILogger<CreditAlerts> logger)
{
    public async Task CheckBudgetAsync(CancellationToken cancellationToken)
    {
        await CheckInstanceBudgetAsync(cancellationToken);
        await CheckWorkspaceBudgetsAsync(cancellationToken);
    }

    private async Task CheckInstanceBudgetAsync(CancellationToken cancellationToken)
    {
        var status = await budget.GetStatusAsync(cancellationToken);
        if (AlertKindOf(status.Level) is not { } alertKind || !await budget.TryClaimAlertAsync(status.MonthStart, alertKind, cancellationToken))
        {
            return;
        }

        var message = alertKind == CreditAlertKind.BudgetWarning
            ? $"{status.PercentUsed:0.#} % of this month's credit budget is spent ({status.SpentThisMonth:N0} of {status.MonthlyBudget:N0})."
            : status.PauseReason!;
        await SendAsync(new CreditAlert(alertKind, status.MonthStart, status.MonthlyBudget, status.SpentThisMonth, message), cancellationToken);
    }

    /// <summary>Each workspace's own budget: its alerts go only to that workspace's channels (the sink reads <see cref="CreditAlert.WorkspaceId"/>).</summary>
    private async Task CheckWorkspaceBudgetsAsync(CancellationToken cancellationToken)
    {
        foreach (var status in await workspaceBudgets.GetStatusesAsync(null, cancellationToken))
        {
            if (AlertKindOf(status.Level) is not { } alertKind || status.WorkspaceId is not { } workspaceId
                || !await budget.TryClaimWorkspaceAlertAsync(status.MonthStart, alertKind, workspaceId, cancellationToken))
            {
                continue;
            }

            await SendAsync(new CreditAlert(alertKind, status.MonthStart, status.MonthlyBudget, status.SpentThisMonth,
                WorkspaceBudgetAlertText.Message(alertKind, status, zone.Id), workspaceId, status.WorkspaceName), cancellationToken);
        }
    }

    private static CreditAlertKind? AlertKindOf(CreditBudgetLevel level) => level switch
    {
        CreditBudgetLevel.Warning => CreditAlertKind.BudgetWarning,
        CreditBudgetLevel.Exceeded => CreditAlertKind.BudgetExceeded,
        _ => null,
    };

    public async Task OutOfCreditsAsync(DateTime at, CancellationToken cancellationToken)
    {
        if (!await budget.MarkOutOfCreditsAsync(at, cancellationToken))
        {
            return;
        }

        var status = await budget.GetStatusAsync(cancellationToken);
        await SendAsync(new CreditAlert(CreditAlertKind.OutOfCredits, status.MonthStart, status.MonthlyBudget, status.SpentThisMonth, status.PauseReason!), cancellationToken);
    }

    private async Task SendAsync(CreditAlert alert, CancellationToken cancellationToken)
    {
        try
        {
            await sink.SendAsync(alert, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A failing channel must not stop the ledger or another workspace's alert; the banner still shows the state.
            logger.LogError(ex, "Credit alert {Kind} (workspace {WorkspaceId}) could not be sent", alert.Kind, alert.WorkspaceId);
        }
    }
}
