namespace Monitor.Core.Credits;

/// <summary>The Credits page and the dashboard's card: spend, balance, forecast, budget and spend per profile.</summary>
public sealed record CreditSummary(
    DateOnly Today,
    long CreditsToday,
    long CreditsThisMonth,
    CreditBalance Balance,
    long ForecastCredits,
    decimal ForecastMoney,
    decimal PricePerThousand,
    string Currency,
    CreditBudgetStatus Budget,
    IReadOnlyList<CreditProfileUsage> Profiles);
