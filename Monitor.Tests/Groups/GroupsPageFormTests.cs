using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Groups;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Groups;

namespace Monitor.Tests.Groups;

/// <summary>The Groups page's create form with real MudBlazor and the real services over SQLite.</summary>
public sealed class GroupsPageFormTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task CreateGroup_NameOnlySpaces_NamesTheProblemUnderTheFieldKeepsTheDescriptionAndCreatesNothing()
    {
        var page = _context.Bunit.Render<GroupsPage>();
        page.WaitForAssertion(() => page.Find("input[data-testid=group-name]"), Deadline);

        page.Find("input[data-testid=group-name]").Change("   ");
        page.Find("input[data-testid=group-description]").Change("Our account against the two rivals");
        page.Find("[data-testid=group-create]").Click();

        page.WaitForAssertion(() => Assert.Contains(page.FindAll(".mud-input-error"), e => e.TextContent.Contains("name is required.", StringComparison.Ordinal)), Deadline);
        Assert.Equal("Our account against the two rivals", page.Find("input[data-testid=group-description]").GetAttribute("value"));
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.False(await db.ProfileGroups.AnyAsync());
    }
}
