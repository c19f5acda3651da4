using Bunit;
using Monitor.Core.Credits;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Credits;

namespace Monitor.Tests.Credits;

/// <summary>What a workspace's users read on the Credits page: each workspace's spend, budget, share used and state, and the rule.</summary>
public sealed class WorkspaceBudgetsTests : IAsyncLifetime
{
    private static readonly DateOnly December = new(2026, 12, 1);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void WorkspaceBudgets_SpentWarningAndNone_EachRowSaysItsFiguresAndState()
    {
        IReadOnlyList<CreditBudgetStatus> statuses =
        [
            new(100, 120, December, CreditBudgetLevel.Exceeded, null, Guid.NewGuid(), "Agency"),
            new(1000, 850, December, CreditBudgetLevel.Warning, null, Guid.NewGuid(), "Brand"),
            new(null, 40, December, CreditBudgetLevel.Ok, null, Guid.NewGuid(), "Research"),
        ];

        var table = _context.Bunit.Render<WorkspaceBudgets>(p => p.Add(x => x.Workspaces, statuses));

        var rows = table.FindAll("[data-testid=workspace-budget-row]");
        Assert.Equal(3, rows.Count);
        Assert.Contains("Credits charged this month", table.Find("[data-testid=workspace-budgets]").TextContent, StringComparison.Ordinal);
        Assert.Contains("120", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("120 %", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("scheduled runs of the profiles only this workspace watches are paused", rows[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Over 80 %", rows[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("none", rows[2].TextContent, StringComparison.Ordinal);
        Assert.Contains("count in full in each workspace and once in the instance total", table.Find("[data-testid=workspace-budget-rule]").TextContent, StringComparison.Ordinal);
    }
}
