namespace Monitor.Core.Credits;

/// <summary>
/// The month's spend against its budget, and whether scheduled runs are paused (budget spent, or out of credits): the
/// instance's, or a workspace's (<see cref="WorkspaceId"/> set). A workspace's spend counts a shared profile's credits in
/// full; its spent budget pauses the scheduled runs of the profiles only it (or only workspaces with budgets spent) watch.
/// The out-of-credits pause is the instance's, carried by every status.
/// </summary>
public sealed record CreditBudgetStatus(
    long? MonthlyBudget,
    long SpentThisMonth,
    DateOnly MonthStart,
    CreditBudgetLevel Level,
    DateTime? OutOfCreditsSince,
    Guid? WorkspaceId = null,
    string? WorkspaceName = null)
{
    public double? PercentUsed => MonthlyBudget is > 0 and { } budget ? Math.Round(100.0 * SpentThisMonth / budget, 1) : null;

    public bool OutOfCredits => OutOfCreditsSince is not null;

    public bool ScheduledRunsPaused => Level == CreditBudgetLevel.Exceeded || OutOfCredits;

    /// <summary>Why scheduled runs are paused, in words, or null.</summary>
    public string? PauseReason => OutOfCredits
        ? "ScrapeCreators answered 402: the account is out of credits. Scheduled runs are paused until credits are bought (a successful request or balance check resumes them) or the month turns."
        : Level == CreditBudgetLevel.Exceeded && WorkspaceId is not null
            ? $"The monthly credit budget of the workspace {WorkspaceName} ({MonthlyBudget:N0}) is spent ({SpentThisMonth:N0} used). Scheduled runs of the profiles only this workspace watches are paused until the month turns or its budget is raised; a profile that a workspace with budget left also watches keeps running."
        : Level == CreditBudgetLevel.Exceeded
            ? $"The monthly credit budget ({MonthlyBudget:N0}) is spent ({SpentThisMonth:N0} used). Scheduled runs are paused until the month turns or the budget is raised."
            : null;
}
