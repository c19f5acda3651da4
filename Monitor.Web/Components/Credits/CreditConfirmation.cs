using Monitor.Core.Credits;
using MudBlazor;

namespace Monitor.Web.Components.Credits;

/// <summary>
/// Update Now spends credits: while the profile's scheduled runs are paused (the instance's budget or a 402, or the
/// spent budgets of every workspace watching it), it asks first.
/// </summary>
public static class CreditConfirmation
{
    /// <returns>True to go ahead: nothing is paused, or the user confirmed.</returns>
    public static async Task<bool> ConfirmSpendAsync(CreditWorkspaceBudgets budgets, Guid profileId, IDialogService dialogs)
    {
        ArgumentNullException.ThrowIfNull(budgets);
        ArgumentNullException.ThrowIfNull(dialogs);
        if ((await budgets.PausedProfilesAsync([profileId], CancellationToken.None)).Values.FirstOrDefault() is not { } status)
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
