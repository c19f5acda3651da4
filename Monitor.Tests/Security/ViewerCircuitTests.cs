using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Accounts;
using Monitor.Core.Profiles;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Monitoring;
using Monitor.Web.Components.Pages.Profiles;
using Monitor.Web.Components.Pages.Settings;

namespace Monitor.Tests.Security;

/// <summary>
/// A viewer in the circuit: the changing controls are hidden, and the actions themselves refuse on the server, which is
/// what counts when the controls were rendered for an admin who was then made a viewer (or an event is crafted by hand).
/// </summary>
public sealed class ViewerCircuitTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task Viewer_ProfilesPage_HidesAddAndDelete_DisablesTheSwitch()
    {
        await _context.AddProfileAsync("viewed", monitoring: true);
        BecomeViewer();

        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForElement("[data-testid=profile-row]", Deadline);

        Assert.Empty(page.FindAll("[data-testid=add-profile]"));
        Assert.Empty(page.FindAll("[data-testid=delete-profile]"));
        var toggle = page.Find("[data-testid=monitor-switch]");
        Assert.True((toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Viewer_ProfilePageAndMonitoring_HideUpdateNowAndSweep_SettingsHidesKeysAndUsers()
    {
        var profile = await _context.AddProfileAsync("viewed.page");
        BecomeViewer();

        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=profile-handle]", Deadline);
        var monitoring = _context.Bunit.Render<MonitoringPage>();
        var settings = _context.Bunit.Render<SettingsPage>();

        Assert.Empty(page.FindAll("[data-testid=update-now]"));
        monitoring.WaitForAssertion(() => Assert.Empty(monitoring.FindAll("[data-testid=run-sweep]")), Deadline);
        settings.WaitForElement("[data-testid=keys-admin-only]", Deadline);
        Assert.Empty(settings.FindAll("[data-testid=api-keys]"));
        Assert.Empty(settings.FindAll("[data-testid=users]"));
    }

    [Fact]
    public async Task DemotedWhileOpen_DeleteAndToggle_AreRefusedOnTheServer()
    {
        var profile = await _context.AddProfileAsync("kept", monitoring: true);
        var page = _context.Bunit.Render<ProfilesPage>();
        page.WaitForElement("[data-testid=delete-profile]", Deadline);

        BecomeViewer();
        var toggle = page.Find("[data-testid=monitor-switch]");
        (toggle.TagName == "INPUT" ? toggle : toggle.QuerySelector("input")!).Change(false);
        page.Find("[data-testid=delete-profile]").Click();

        _context.Snackbars.WaitForAssertion(() =>
        {
            Assert.Contains("Could not change monitoring for @kept: Only an editor or admin of this workspace can do this", _context.Snackbars.Markup, StringComparison.Ordinal);
            Assert.Contains("Could not delete @kept: Only an editor or admin of this workspace can do this", _context.Snackbars.Markup, StringComparison.Ordinal);
        }, Deadline);
        Assert.Empty(_context.Monitoring.ToggleCalls);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == profile.Id && p.MonitoringEnabled));
    }

    [Fact]
    public async Task DemotedWhileOpen_UpdateNow_IsRefusedOnTheServer()
    {
        var profile = await _context.AddProfileAsync("not.updated");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=update-now]", Deadline);

        BecomeViewer();
        page.Find("[data-testid=update-now]").Click();

        _context.Snackbars.WaitForAssertion(
            () => Assert.Contains("Could not queue the update: Only an editor or admin of this workspace can do this", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
        Assert.Empty(_context.Monitoring.QueueCalls);
    }

    private void BecomeViewer()
    {
        _context.Authorization.SetAuthorized("test-viewer");
        _context.Authorization.SetRoles(MonitorRoles.Viewer);
    }
}
