using Microsoft.AspNetCore.Components;
using Monitor.Core.Credits;
using Monitor.Web.Components.Credits;

namespace Monitor.Web.Components.Pages.Credits;

public sealed partial class CreditsPage
{
    private const int Days = 30;

    private CreditSummary? _summary;
    private IReadOnlyList<CreditUsageDay> _days = [];
    private bool _canManage;

    [Inject] private CreditUsageQuery Usage { get; set; } = default!;
    [Inject] private Monitor.Web.Security.CircuitAccess Access { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        _canManage = await Access.IsInstanceAdminAsync();
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _summary = await Usage.GetSummaryAsync(CancellationToken.None);
        _days = await Usage.GetUsageAsync(Days, CancellationToken.None);
    }

    private async Task OnBudgetSavedAsync(CreditBudgetStatus status) => await LoadAsync();

    private static string BudgetText(CreditBudgetStatus budget) => budget.MonthlyBudget is { } b
        ? $"{budget.SpentThisMonth:N0} of {b:N0} credits spent this month ({budget.PercentUsed:0.#} %). At 80 % a warning shows; at 100 % scheduled runs pause until the month turns or the budget is raised."
        : $"{budget.SpentThisMonth:N0} credits spent this month; no budget is set.";
}
