namespace Monitor.Core.Credits;

/// <summary>
/// The Credits page and the dashboard's card: spend, balance, forecast, the instance budget, spend per profile and the
/// budgets of the workspaces the caller sees. <see cref="CreditsThisMonth"/> is the instance's for an instance admin,
/// the caller's workspaces' otherwise.
/// </summary>
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
    IReadOnlyList<CreditProfileUsage> Profiles,
    IReadOnlyList<CreditBudgetStatus> Workspaces);
