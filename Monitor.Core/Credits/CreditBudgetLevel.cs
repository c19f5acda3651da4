namespace Monitor.Core.Credits;

public enum CreditBudgetLevel
{
    /// <summary>No budget set, or under 80 % of it.</summary>
    Ok,

    /// <summary>80 % of the month's budget spent.</summary>
    Warning,

    /// <summary>The month's budget spent: scheduled runs pause.</summary>
    Exceeded,
}
