using Monitor.Core.Credits;
using MudBlazor;

namespace Monitor.Web.Components.Credits;

/// <summary>Update Now spends credits: while scheduled runs are paused by the budget or a 402, it asks first.</summary>
public static class CreditConfirmation
{
    /// <returns>True to go ahead: nothing is paused, or the user confirmed.</returns>
    public static async Task<bool> ConfirmSpendAsync(CreditBudgetService budget, IDialogService dialogs)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(dialogs);
        var status = await budget.GetStatusAsync(CancellationToken.None);
        if (!status.ScheduledRunsPaused)
        {
            return true;
        }

        var confirmed = await dialogs.ShowMessageBoxAsync(
            "Spend credits anyway?",
            $"{status.PauseReason} Update Now still reads every page of this profile's posts, one credit a page.",
            yesText: "Update anyway", cancelText: "Cancel");
        return confirmed == true;
    }
}
