using Bunit;
using Monitor.Core.Credits;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Credits;

namespace Monitor.Tests.Credits;

public sealed class CreditsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task CreditsPage_LedgerWithSpend_ShowsFiguresDaysAndProfiles()
    {
        var profile = await _context.AddProfileAsync("spender", monitoring: true);
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            await CreditTestData.SeedAsync(db, DateOnly.FromDateTime(DateTime.UtcNow), 2, profile.Id, runId: 1, rows: 2);
        }

        var page = _context.Bunit.Render<CreditsPage>();

        page.WaitForAssertion(() => Assert.Contains("4", page.Find("[data-testid=credit-today]").TextContent, StringComparison.Ordinal), Deadline);
        Assert.Equal(30, page.FindAll("[data-testid=credit-day]").Count);
        var row = Assert.Single(page.FindAll("[data-testid=credit-profile]"));
        Assert.Contains("@spender", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("no budget is set", page.Find("[data-testid=budget-status]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=budget-save]"));
    }
}
