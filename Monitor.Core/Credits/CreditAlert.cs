namespace Monitor.Core.Credits;

/// <summary>A budget threshold crossed (once per month and kind across all nodes), or the provider's 402.</summary>
public sealed record CreditAlert(CreditAlertKind Kind, DateOnly MonthStart, long? MonthlyBudget, long SpentThisMonth, string Message);
