using Microsoft.Extensions.Logging;

namespace Monitor.Core.Credits;

/// <summary>
/// Raises each budget alert once per month across nodes (the instance's, then each workspace's own), and the
/// out-of-credits alert when a 402 starts a pause.
/// </summary>
public sealed class CreditAlerts(CreditBudgetService budget, CreditWorkspaceAlerts workspaceAlerts, ICreditAlertSink sink, ILogger<CreditAlerts> logger)
{
    public async Task CheckBudgetAsync(CancellationToken cancellationToken)
    {
        await CheckInstanceBudgetAsync(cancellationToken);
        await workspaceAlerts.CheckAsync(cancellationToken);
    }

    private async Task CheckInstanceBudgetAsync(CancellationToken cancellationToken)
    {
        var status = await budget.GetStatusAsync(cancellationToken);
        var kind = status.Level switch
        {
            CreditBudgetLevel.Warning => CreditAlertKind.BudgetWarning,
            CreditBudgetLevel.Exceeded => CreditAlertKind.BudgetExceeded,
            _ => (CreditAlertKind?)null,
        };
        if (kind is not { } alertKind || !await budget.TryClaimAlertAsync(status.MonthStart, alertKind, cancellationToken))
        {
            return;
        }

        var message = alertKind == CreditAlertKind.BudgetWarning
            ? $"{status.PercentUsed:0.#} % of this month's credit budget is spent ({status.SpentThisMonth:N0} of {status.MonthlyBudget:N0})."
            : status.PauseReason!;
        await SendAsync(new CreditAlert(alertKind, status.MonthStart, status.MonthlyBudget, status.SpentThisMonth, message), cancellationToken);
    }

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
            // A failing channel must not stop the ledger; the banner still shows the state.
            logger.LogError(ex, "Credit alert {Kind} could not be sent", alert.Kind);
        }
    }
}
