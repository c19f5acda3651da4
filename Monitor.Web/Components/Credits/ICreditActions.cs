using Monitor.Core.Credits;

namespace Monitor.Web.Components.Credits;

/// <summary>What the dashboard asks of the credit ledger and budget, in one seam (<see cref="CreditActions"/>): component tests fake it.</summary>
public interface ICreditActions
{
    CreditOptions Options { get; }

    Task<CreditSummary> GetSummaryAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<CreditUsageDay>> GetUsageAsync(int days, CancellationToken cancellationToken);

    Task<CreditBudgetStatus> GetBudgetAsync(CancellationToken cancellationToken);

    Task<CreditBudgetStatus> SetBudgetAsync(long? monthlyBudget, CancellationToken cancellationToken);

    /// <returns>The profile's expected cost, or null when it does not exist.</returns>
    Task<ProfileCreditEstimate?> EstimateAsync(Guid profileId, CancellationToken cancellationToken);
}
