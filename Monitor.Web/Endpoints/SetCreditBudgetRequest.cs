namespace Monitor.Web.Endpoints;

/// <summary>Body of <c>PUT /api/credits/budget</c>: the monthly credit budget; null or 0 removes it.</summary>
public sealed record SetCreditBudgetRequest(long? MonthlyBudget);
