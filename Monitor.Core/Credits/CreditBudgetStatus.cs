namespace Monitor.Core.Credits;

/// <summary>The month's spend against its budget, and whether scheduled runs are paused (budget spent, or out of credits).</summary>
public sealed record CreditBudgetStatus(
    long? MonthlyBudget,
    long SpentThisMonth,
    DateOnly MonthStart,
    CreditBudgetLevel Level,
    DateTime? OutOfCreditsSince)
{
    public double? PercentUsed => MonthlyBudget is > 0 and { } budget ? Math.Round(100.0 * SpentThisMonth / budget, 1) : null;

    public bool OutOfCredits => OutOfCreditsSince is not null;

    public bool ScheduledRunsPaused => Level == CreditBudgetLevel.Exceeded || OutOfCredits;

    /// <summary>Why scheduled runs are paused, in words, or null.</summary>
    public string? PauseReason => OutOfCredits
        ? "ScrapeCreators answered 402: the account is out of credits. Scheduled runs are paused until credits are bought (a successful request or balance check resumes them) or the month turns."
        : Level == CreditBudgetLevel.Exceeded
            ? $"The monthly credit budget ({MonthlyBudget:N0}) is spent ({SpentThisMonth:N0} used). Scheduled runs are paused until the month turns or the budget is raised."
            : null;
}
