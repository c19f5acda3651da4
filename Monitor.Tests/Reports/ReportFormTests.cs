using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Reports;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Reports;

namespace Monitor.Tests.Reports;

/// <summary>The Reports page's form with real MudBlazor and the real services over SQLite.</summary>
public sealed class ReportFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task NewReport_UnknownZoneAndBadAddress_NamesEachUnderItsFieldKeepsWhatWasTypedAndSavesNothing()
    {
        var page = _context.Bunit.Render<ReportsPage>();
        page.WaitForAssertion(() => page.Find("[data-testid=report-new]"), Deadline);
        page.Find("[data-testid=report-new]").Click();
        page.WaitForAssertion(() => page.Find("input[data-testid=report-name]"), Deadline);

        Type(page, "report-name", "Weekly client report");
        Type(page, "report-zone", "Mars/Olympus");
        Type(page, "report-to", "client@example.com, not-an-address");
        page.Find("[data-testid=report-save]").Click();

        page.WaitForAssertion(() => Assert.Contains(ErrorsShown(page), e => e.Contains("\"Mars/Olympus\" is not a time zone", StringComparison.Ordinal)), Deadline);
        Assert.Contains(ErrorsShown(page), e => e.Contains("Not an email address: \"not-an-address\"", StringComparison.Ordinal));
        Assert.Equal("Weekly client report", page.Find("input[data-testid=report-name]").GetAttribute("value"));
        Assert.Equal("Mars/Olympus", page.Find("input[data-testid=report-zone]").GetAttribute("value"));
        Assert.Equal("client@example.com, not-an-address", page.Find("input[data-testid=report-to]").GetAttribute("value"));
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.Set<ReportDefinition>().AnyAsync());
    }

    private static List<string> ErrorsShown(IRenderedComponent<ReportsPage> page) =>
        [.. page.FindAll(".mud-input-error").Select(e => e.TextContent)];

    private static void Type(IRenderedComponent<ReportsPage> page, string testId, string value)
    {
        var input = page.Find($"input[data-testid={testId}]");
        try
        {
            input.Change(value);
        }
        catch (MissingEventHandlerException)
        {
            input.Input(value);
        }
    }
}
