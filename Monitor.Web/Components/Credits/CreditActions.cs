using Microsoft.Extensions.Options;
using Monitor.Core.Credits;

namespace Monitor.Web.Components.Credits;

/// <summary>The dashboard's side of credits: the same Core services the API calls.</summary>
public sealed class CreditActions(CreditUsageQuery usage, CreditBudgetService budget, IOptions<CreditOptions> options) : ICreditActions
{
    public CreditOptions Options => options.Value;

    public Task<CreditSummary> GetSummaryAsync(CancellationToken cancellationToken) => usage.GetSummaryAsync(cancellationToken);

    public Task<IReadOnlyList<CreditUsageDay>> GetUsageAsync(int days, CancellationToken cancellationToken) => usage.GetUsageAsync(days, cancellationToken);

    public Task<CreditBudgetStatus> GetBudgetAsync(CancellationToken cancellationToken) => budget.GetStatusAsync(cancellationToken);

    public Task<CreditBudgetStatus> SetBudgetAsync(long? monthlyBudget, CancellationToken cancellationToken) =>
        budget.SetBudgetAsync(monthlyBudget, cancellationToken);

    public Task<ProfileCreditEstimate?> EstimateAsync(Guid profileId, CancellationToken cancellationToken) =>
        usage.EstimateAsync(profileId, cancellationToken);
}
