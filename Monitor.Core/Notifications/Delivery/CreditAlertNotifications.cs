using Microsoft.Extensions.Logging;
using Monitor.Core.Credits;

namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// Credit alerts (80 % and 100 % of the budget, the provider's 402) go to the channels that chose budget alerts, and to the
/// log; a workspace's own budget alert goes only to that workspace's channels.
/// </summary>
internal sealed class CreditAlertNotifications(NotificationOutbox outbox, ILogger<CreditAlertNotifications> logger) : ICreditAlertSink
{
    public async Task SendAsync(CreditAlert alert, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(alert);
        logger.LogWarning("Credit alert {Kind}: {Message}", alert.Kind, alert.Message);
        if (alert.WorkspaceId is { } workspaceId)
        {
            var workspaceSubject = WorkspaceBudgetAlertText.Subject(alert.Kind, alert.WorkspaceName ?? workspaceId.ToString());
            await outbox.EnqueueToWorkspaceAsync(NotificationKind.Budget, workspaceId, workspaceSubject, alert.Message, cancellationToken);
            return;
        }

        var subject = alert.Kind switch
        {
            CreditAlertKind.BudgetWarning => "Credit budget 80 % spent",
            CreditAlertKind.BudgetExceeded => "Credit budget spent: scheduled runs paused",
            CreditAlertKind.OutOfCredits => "ScrapeCreators is out of credits: scheduled runs paused",
            _ => "Credit alert",
        };
        await outbox.EnqueueAsync(NotificationKind.Budget, null, subject, alert.Message, cancellationToken);
    }
}
