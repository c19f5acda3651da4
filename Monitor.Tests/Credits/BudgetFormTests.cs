using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Credits;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Credits;

namespace Monitor.Tests.Credits;

public sealed class BudgetFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task BudgetForm_ValueEnteredAndSaved_StoresTheBudgetAndToasts()
    {
        CreditBudgetStatus? saved = null;
        var form = _context.Bunit.Render<BudgetForm>(p => p
            .Add(x => x.CanEdit, true)
            .Add(x => x.Saved, (CreditBudgetStatus s) => saved = s));

        form.Find("[data-testid=budget-input]").Change("25000");
        form.Find("[data-testid=budget-save]").Click();

        form.WaitForAssertion(() => Assert.Equal(25000L, saved?.MonthlyBudget), Deadline);
        var stored = await _context.Bunit.Services.GetRequiredService<CreditBudgetService>().GetStatusAsync(CancellationToken.None);
        Assert.Equal(25000L, stored.MonthlyBudget);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Monthly budget set to 25,000 credits", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public void BudgetForm_Viewer_FieldDisabledAndNoSaveButton()
    {
        var form = _context.Bunit.Render<BudgetForm>(p => p
            .Add(x => x.CanEdit, false)
            .Add(x => x.Status, new CreditBudgetStatus(900, 10, new DateOnly(2026, 11, 1), CreditBudgetLevel.Ok, null)));

        Assert.Empty(form.FindAll("[data-testid=budget-save]"));
        Assert.True(form.Find("[data-testid=budget-input]").HasAttribute("disabled"));
        Assert.Equal("900", form.Find("[data-testid=budget-input]").GetAttribute("value"));
    }
}
