using Bunit;
using Monitor.Web.Components.Formatting;
using Monitor.Web.Components.Pages.Profiles;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Tests.Dashboard;

public sealed class IntervalPickerTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    // The select's value for "Custom…".
    private const int CustomItem = 0;
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Theory]
    [InlineData(1, "every hour")]
    [InlineData(6, "every 6 hours")]
    [InlineData(24, "every day")]
    [InlineData(36, "every day, 12 hours")]
    [InlineData(72, "every 3 days")]
    [InlineData(168, "every week")]
    public void Describe_IntervalHours_ReadsAsACadence(int hours, string expected) => Assert.Equal(expected, Cadence.Describe(hours));

    [Fact]
    public async Task Picker_PresetChosen_RaisesItAtOnce()
    {
        var raised = new List<int>();
        var picker = _context.Bunit.Render<IntervalPicker>(p => p.Add(x => x.Value, 24).Add(x => x.ValueChanged, h => raised.Add(h)));

        await ChooseAsync(picker, 6);

        Assert.Equal([6], raised);
        Assert.Empty(picker.FindAll("[data-testid=interval-custom]"));
    }

    [Fact]
    public async Task Picker_CustomValues_AppliesOnlyChangedValuesInsideTheRange()
    {
        var raised = new List<int>();
        var picker = _context.Bunit.Render<IntervalPicker>(p => p.Add(x => x.Value, 24).Add(x => x.ValueChanged, h => raised.Add(h)));

        await ChooseAsync(picker, CustomItem);
        picker.WaitForElement("[data-testid=interval-custom] input", Deadline).Input("24");

        // The current interval: nothing to apply.
        picker.WaitForAssertion(() => Assert.True(picker.Find("[data-testid=interval-apply]").HasAttribute("disabled")), Deadline);
        Assert.Empty(raised);

        // Past a week: the field holds it at the maximum.
        picker.Find("[data-testid=interval-custom] input").Input("200");
        picker.WaitForAssertion(() => Assert.False(picker.Find("[data-testid=interval-apply]").HasAttribute("disabled")), Deadline);
        picker.Find("[data-testid=interval-apply]").Click();
        picker.Find("[data-testid=interval-custom] input").Input("36");
        picker.Find("[data-testid=interval-apply]").Click();

        Assert.Equal([168, 36], raised);
    }

    [Fact]
    public void Picker_ValueNotAPreset_ShowsItAsCustom()
    {
        var picker = _context.Bunit.Render<IntervalPicker>(p => p.Add(x => x.Value, 36));

        Assert.Equal("36", picker.Find("[data-testid=interval-custom] input").GetAttribute("value"));
    }

    [Fact]
    public async Task ProfilePage_MonitoredEvery6Hours_ShowsTheCadenceAndNextRunInTheUsersZoneAndSavesANewInterval()
    {
        var next = new DateTime(2026, 11, 28, 14, 0, 0, DateTimeKind.Utc);
        var profile = await _context.AddProfileAsync("cadence", monitoring: true, p => (p.MonitoringIntervalHours, p.NextMonitoringRun) = (6, next));
        var zone = UserTimeZone.FromId("Europe/Berlin");

        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id).AddCascadingValue(zone));

        page.WaitForAssertion(() => Assert.Equal("every 6 hours", page.Find("[data-testid=cadence-text]").TextContent), Deadline);
        Assert.Equal("2026-11-28 15:00:00 (UTC+01:00)", page.Find("[data-testid=cadence-next]").TextContent);

        await ChooseAsync(page, 72);

        page.WaitForAssertion(() => Assert.Equal("every 3 days", page.Find("[data-testid=cadence-text]").TextContent), Deadline);
        Assert.Contains((profile.Id, 72), _context.Monitoring.IntervalCalls);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("@cadence is now monitored every 3 days", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    // As a user's choice in the list arrives: through the select's ValueChanged (its items render only in an open popover).
    private static Task ChooseAsync(IRenderedComponent<Microsoft.AspNetCore.Components.IComponent> rendered, int value)
    {
        var select = rendered.FindComponent<MudSelect<int>>();
        return select.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(value));
    }
}
