namespace Monitor.Core.Credits;

/// <summary>Where a month's spend stands against its budget. Pure, so its thresholds are tested as a table.</summary>
public static class CreditBudgetPolicy
{
    public const double WarningShare = 0.8;

    public static CreditBudgetLevel LevelOf(long? budget, long spent) => budget switch
    {
        null or <= 0 => CreditBudgetLevel.Ok,
        { } b when spent >= b => CreditBudgetLevel.Exceeded,
        { } b when spent >= b * WarningShare => CreditBudgetLevel.Warning,
        _ => CreditBudgetLevel.Ok,
    };

    /// <summary>The first day of the month <paramref name="day"/> is in.</summary>
    public static DateOnly MonthStart(DateOnly day) => new(day.Year, day.Month, 1);
}
