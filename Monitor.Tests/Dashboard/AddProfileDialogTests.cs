using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Profiles;
using Monitor.Web.Components.Pages.Profiles;
using MudBlazor;

namespace Monitor.Tests.Dashboard;

public sealed class AddProfileDialogTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task AddProfileDialog_InvalidHandle_ShowsInlineErrorAndStaysOpen()
    {
        var dialogs = _context.Dialogs;
        var service = _context.Bunit.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<AddProfileDialog>("Add profiles"));
        dialogs.WaitForElement("[data-testid=handle-input]", Deadline);

        dialogs.Find("[data-testid=handle-input]").Input("bad!handle");
        dialogs.Find("[data-testid=add-profile-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Contains("A TikTok handle is 2", dialogs.Find(".mud-input-helper-text.mud-input-error").TextContent, StringComparison.Ordinal), Deadline);
        Assert.Empty(dialogs.FindAll("[data-testid=add-result]"));
        Assert.NotNull(dialogs.Find("[data-testid=handle-input]"));
        Assert.Equal(0, await CountProfilesAsync());
    }

    [Fact]
    public async Task AddProfileDialog_PastedListWithOneBadHandle_ReportsEachAndAddsTheGoodOnes()
    {
        var dialogs = _context.Dialogs;
        var service = _context.Bunit.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<AddProfileDialog>("Add profiles"));
        dialogs.WaitForElement("[data-testid=handle-input]", Deadline);

        dialogs.Find("[data-testid=handle-input]").Input("@alpha.demo, x\n@beta_demo");
        dialogs.Find("[data-testid=add-profile-submit]").Click();

        dialogs.WaitForAssertion(() => Assert.Equal(3, dialogs.FindAll("[data-testid=add-result]").Count), Deadline);
        var results = dialogs.FindAll("[data-testid=add-result]").Select(e => e.TextContent).ToList();
        Assert.Contains(results, r => r.Contains("added @alpha.demo", StringComparison.Ordinal));
        Assert.Contains(results, r => r.Contains("added @beta_demo", StringComparison.Ordinal));
        Assert.Single(results, r => r.Contains(TiktokHandle.Rule[..20], StringComparison.Ordinal));
        Assert.Equal(2, await CountProfilesAsync());
    }

    [Fact]
    public async Task AddProfileDialog_IntervalChosen_ProfileIsAddedWithIt()
    {
        var dialogs = _context.Dialogs;
        var service = _context.Bunit.Services.GetRequiredService<IDialogService>();
        await dialogs.InvokeAsync(() => service.ShowAsync<AddProfileDialog>("Add profiles"));
        dialogs.WaitForElement("[data-testid=handle-input]", Deadline);
        dialogs.WaitForAssertion(() => Assert.Contains("Monitor automatically (every day)", dialogs.Markup, StringComparison.Ordinal), Deadline);

        var select = dialogs.FindComponent<MudSelect<int>>();
        await select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(6));
        dialogs.WaitForAssertion(() => Assert.Contains("Monitor automatically (every 6 hours)", dialogs.Markup, StringComparison.Ordinal), Deadline);
        dialogs.Find("[data-testid=handle-input]").Input("@gamma.demo");
        dialogs.Find("[data-testid=add-profile-submit]").Click();

        // One handle added: the dialog closes at once (its result line shows only for lists), the profile stored.
        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=handle-input]")), Deadline);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.Equal(6, db.Profiles.Single(p => p.Handle == "gamma.demo").MonitoringIntervalHours);
    }

    private async Task<int> CountProfilesAsync()
    {
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        return db.Profiles.Count();
    }
}
