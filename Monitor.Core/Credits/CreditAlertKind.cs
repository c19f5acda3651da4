namespace Monitor.Core.Credits;

public enum CreditAlertKind
{
    BudgetWarning,
    BudgetExceeded,
    OutOfCredits,
}
