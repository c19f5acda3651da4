using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Notifications;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Notifications;
using MudBlazor;

namespace Monitor.Tests.Notifications;

/// <summary>The rule forms of the Notifications page (instance defaults, the workspace's rules, one profile's thresholds), with real MudBlazor and services over SQLite.</summary>
public sealed class AlertRuleFormsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task AlertRules_Edited_AreSaved()
    {
        var form = _context.Bunit.Render<NotificationSettingsSection>(p => p.Add(s => s.IsAdmin, true));
        form.WaitForAssertion(() => Assert.NotNull(form.Find("input[data-testid=failures-before-alert]")), Deadline);

        Type(form.Find("input[data-testid=failures-before-alert]"), "3");
        Type(form.Find("input[data-testid=growth-percent]"), "25");
        Type(form.Find("input[data-testid=growth-views]"), "5000");
        form.Find("[data-testid=save-settings]").Click();

        var store = _context.Bunit.Services.GetRequiredService<NotificationSettingsStore>();
        await WaitAsync(async () => (await store.GetAsync(CancellationToken.None)).FailuresBeforeAlert == 3);
        var saved = await store.GetAsync(CancellationToken.None);
        Assert.Equal((3, 25d, 5000L), (saved.FailuresBeforeAlert, saved.GrowthPercent, saved.GrowthViews));
        Assert.Empty(form.FindAll("[data-testid=settings-error]"));
    }

    [Fact]
    public async Task AlertRules_OutOfRange_ShowTheErrorAndSaveNothing()
    {
        var store = _context.Bunit.Services.GetRequiredService<NotificationSettingsStore>();
        var before = await store.GetAsync(CancellationToken.None);
        var form = _context.Bunit.Render<NotificationSettingsSection>(p => p.Add(s => s.IsAdmin, true));
        form.WaitForAssertion(() => Assert.NotNull(form.Find("input[data-testid=growth-percent]")), Deadline);

        Type(form.Find("input[data-testid=growth-percent]"), "-5");
        form.Find("[data-testid=save-settings]").Click();

        form.WaitForAssertion(() => Assert.NotNull(form.Find("[data-testid=settings-error]")), Deadline);
        Assert.Equal(before, await store.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WorkspaceRules_Edited_AreSavedForTheWorkspace_AndTheInstanceDefaultsStay()
    {
        var store = _context.Bunit.Services.GetRequiredService<NotificationSettingsStore>();
        var instance = await store.GetAsync(CancellationToken.None);
        var form = _context.Bunit.Render<WorkspaceAlertRulesSection>(p => p.Add(s => s.CanEdit, true));
        form.WaitForAssertion(() => Assert.NotNull(form.Find("input[data-testid=workspace-failures-before-alert]")), Deadline);

        Type(form.Find("input[data-testid=workspace-failures-before-alert]"), "4");
        Type(form.Find("input[data-testid=workspace-growth-views]"), "2500");
        form.Find("[data-testid=save-workspace-rules]").Click();

        var rules = _context.Bunit.Services.GetRequiredService<WorkspaceAlertRulesService>();
        await WaitAsync(async () => (await rules.GetAsync(CancellationToken.None))?.FailuresBeforeAlert == 4);
        var saved = await rules.GetAsync(CancellationToken.None);
        Assert.Equal((4, 2500L, (double?)null, instance.GrowthPercent), (saved!.FailuresBeforeAlert, saved.GrowthViews, saved.GrowthPercent, saved.EffectiveGrowthPercent));
        Assert.Equal(instance, await store.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ProfileThresholds_OneProfileOverridden_IsSavedForItAlone()
    {
        var profile = await _context.AddProfileAsync("thresholds.one");
        await _context.AddProfileAsync("thresholds.two");
        var form = _context.Bunit.Render<ProfileThresholdsSection>(p => p.Add(s => s.IsAdmin, true));
        var select = form.FindComponent<MudSelect<Guid?>>();
        await form.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(profile.Id));
        form.WaitForAssertion(() => Assert.NotNull(form.Find("input[data-testid=profile-growth-percent]")), Deadline);

        Type(form.Find("input[data-testid=profile-growth-percent]"), "80");
        Type(form.Find("input[data-testid=profile-breakout-multiple]"), "3");
        form.Find("[data-testid=save-profile-thresholds]").Click();

        var thresholds = _context.Bunit.Services.GetRequiredService<ProfileThresholdService>();
        await WaitAsync(async () => (await thresholds.GetAsync(profile.Id, CancellationToken.None))?.GrowthPercent == 80);
        var saved = await thresholds.GetAsync(profile.Id, CancellationToken.None);
        Assert.Equal((80d, (long?)null, 3d), (saved!.GrowthPercent, saved.GrowthViews, saved.BreakoutMultiple));
        Assert.Equal(80d, saved.EffectiveGrowthPercent);
    }

    private static void Type(IElement input, string value)
    {
        try
        {
            input.Change(value);
        }
        catch (MissingEventHandlerException)
        {
            input.Input(value);
        }
    }

    private static async Task WaitAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + Deadline;
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The form did not save in time.");
            await Task.Delay(50);
        }
    }
}
