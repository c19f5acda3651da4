using Bunit;
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
}
