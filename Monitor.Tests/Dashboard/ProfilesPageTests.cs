using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Dashboard;

public sealed class ProfilesPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void ProfilesPage_NoProfiles_SaysWhatToDoNext()
    {
        var page = _context.Bunit.Render<ProfilesPage>();

        page.WaitForAssertion(() => Assert.Contains("Add your first TikTok profile", page.Find("[data-testid=profiles-empty]").TextContent, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public async Task ProfilesPage_DatabaseCannotBeRead_ListAndCreditCardSaySoInsteadOfNoProfiles()
    {
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ALTER TABLE tiktok_profiles RENAME TO tiktok_profiles_gone");
        }

        var page = _context.Bunit.Render<ProfilesPage>();

        page.WaitForAssertion(() => Assert.StartsWith("Could not load the profiles", page.Find("[data-testid=profiles-load-problem]").TextContent, StringComparison.Ordinal), Deadline);
        Assert.Empty(page.FindAll("[data-testid=profiles-empty]"));
        Assert.Empty(page.FindAll("[data-testid=profiles-loading]"));
        Assert.StartsWith("Could not read the credits", page.Find("[data-testid=credit-summary-problem]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesPage_SwitchTurnedOff_CallsSeamAndShowsToast()
    {
        var profile = await _context.AddProfileAsync("rowswitch", monitoring: true, p => p.Totals = p.Totals with { Views = 15_300 });
        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForElement("[data-testid=profile-row]", Deadline);
        Assert.Contains("15.3K", page.Markup, StringComparison.Ordinal);

        var toggle = page.Find("[data-testid=monitor-switch]");
        (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(false);

        page.WaitForAssertion(() => Assert.Contains((profile.Id, false), _context.Monitoring.ToggleCalls), Deadline);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Monitoring disabled for @rowswitch", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public async Task ProfilesPage_SearchWithAControlCharacter_ShowsTheRuleUnderTheBoxAndNoError()
    {
        await _context.AddProfileAsync("searchable");
        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForElement("[data-testid=profile-row]", Deadline);

        var box = page.Find("[data-testid=profile-search]");
        (box.TagName == "INPUT" ? box : box.QuerySelector("input")!).Input("search\u0001able");

        page.WaitForAssertion(() => Assert.Contains("search cannot contain control characters", page.Markup, StringComparison.Ordinal), Deadline);
        Assert.Empty(page.FindAll("[data-testid=profile-row]"));
        Assert.DoesNotContain("Could not load", _context.Snackbars.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProfilesPage_AllSelectedAndUpdateNow_QueuesThemInOneBatch()
    {
        var first = await _context.AddProfileAsync("batchone", monitoring: true);
        var second = await _context.AddProfileAsync("batchtwo");
        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=profile-row]").Count), Deadline);
        Assert.Empty(page.FindAll("[data-testid=update-selected]"));

        // The header's box selects every row of the page.
        page.FindAll("input[type=checkbox]")[0].Change(true);
        page.WaitForAssertion(() => Assert.Contains("Update now (2)", page.Find("[data-testid=update-selected]").TextContent, StringComparison.Ordinal), Deadline);
        page.Find("[data-testid=update-selected]").Click();

        page.WaitForAssertion(() => Assert.Equal(new[] { first.Id, second.Id }.Order(), Assert.Single(_context.Monitoring.BatchQueueCalls).Order()), Deadline);
        Assert.Empty(_context.Monitoring.QueueCalls);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Update queued for 2 profile(s)", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }
}
