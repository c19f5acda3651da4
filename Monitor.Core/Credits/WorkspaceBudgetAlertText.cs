using System.Globalization;

namespace Monitor.Core.Credits;

/// <summary>What a workspace's budget alert says: the workspace, its figures, the month they count, and what the pause does.</summary>
public static class WorkspaceBudgetAlertText
{
    public static string Subject(CreditAlertKind kind, string workspaceName) => kind == CreditAlertKind.BudgetExceeded
        ? $"Workspace {workspaceName}: credit budget spent, its own profiles' scheduled runs skipped"
        : $"Workspace {workspaceName}: credit budget 80 % spent";

    /// <param name="zoneId">The reporting time zone, whose calendar month the budget counts.</param>
    public static string Message(CreditAlertKind kind, CreditBudgetStatus status, string zoneId)
    {
        ArgumentNullException.ThrowIfNull(status);
        var figures = string.Create(CultureInfo.InvariantCulture,
            $"{status.SpentThisMonth:N0} of {status.MonthlyBudget:N0} credits this month ({status.PercentUsed:0.#} %; the calendar month {status.MonthStart:MMMM yyyy} in {zoneId}, from the 1st)");
        return kind == CreditAlertKind.BudgetExceeded
            ? $"The workspace {status.WorkspaceName} has spent its monthly credit budget: {figures}. Scheduled runs of the profiles "
              + "only this workspace watches are skipped until the month turns or its budget is raised; profiles it shares with "
              + "a workspace that has budget left still run."
            : $"The workspace {status.WorkspaceName} has used 80 % of its monthly credit budget: {figures}. When it is spent, "
              + "scheduled runs of the profiles only this workspace watches are skipped until the month turns or its budget is "
              + "raised; profiles it shares with a workspace that has budget left still run.";
    }
}
