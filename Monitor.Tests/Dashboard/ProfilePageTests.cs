using AngleSharp.Dom;
using Bunit;
using Monitor.Core.LiveEvents;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Dashboard;

public sealed class ProfilePageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task ProfilePage_MonitorSwitchTurnedOn_CallsSeamAndShowsToast()
    {
        var profile = await _context.AddProfileAsync("switcher");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=monitor-switch]", Deadline);

        SwitchInput(page).Change(true);

        page.WaitForAssertion(() => Assert.Contains((profile.Id, true), _context.Monitoring.ToggleCalls), Deadline);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Monitoring enabled for @switcher", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    [Theory]
    [InlineData(MonitoringStatus.Pending)]
    [InlineData(MonitoringStatus.Running)]
    public async Task ProfilePage_RunPendingOrRunning_UpdateNowDisabledAndProgressShown(MonitoringStatus status)
    {
        var profile = await _context.AddProfileAsync($"busy{status}".ToLowerInvariant());
        _context.Monitoring.ActiveRun = new MonitoringRunView(7, profile.Id, profile.Handle, status, MonitoringTrigger.Scheduled, 1, DateTime.UtcNow, DateTime.UtcNow,
            status == MonitoringStatus.Running ? DateTime.UtcNow : null, 3, 45, 6);

        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=run-progress]")), Deadline);
        Assert.True(page.Find("[data-testid=update-now]").HasAttribute("disabled"));
        Assert.Equal(status.ToString().ToLowerInvariant(), page.Find("[data-testid=run-progress]").GetAttribute("data-status"));
    }

    [Fact]
    public async Task ProfilePage_RunEventsPublished_ShowsProgressThenClearsWithToastOnCompleted()
    {
        var profile = await _context.AddProfileAsync("live");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=update-now]", Deadline);
        Assert.Empty(page.FindAll("[data-testid=run-progress]"));
        Assert.False(page.Find("[data-testid=update-now]").HasAttribute("disabled"));

        _context.Events.Publish(Event(MonitoringEventKind.Started, profile.Id, 0, 0));
        _context.Events.Publish(Event(MonitoringEventKind.PageCompleted, profile.Id, 2, 40));
        // Another profile's run must not show here.
        _context.Events.Publish(Event(MonitoringEventKind.PageCompleted, Guid.NewGuid(), 9, 900));

        page.WaitForAssertion(() => Assert.Equal("2 pages", page.Find("[data-testid=run-progress-pages]").TextContent.Trim()), Deadline);
        Assert.Equal("40 posts", page.Find("[data-testid=run-progress-posts]").TextContent.Trim());
        Assert.True(page.Find("[data-testid=update-now]").HasAttribute("disabled"));

        _context.Events.Publish(Event(MonitoringEventKind.Completed, profile.Id, 3, 55));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=run-progress]")), Deadline);
        Assert.False(page.Find("[data-testid=update-now]").HasAttribute("disabled"));
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Run completed for @live: 55 posts", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public async Task ProfilePage_RunFailedEvent_ShowsErrorToast()
    {
        var profile = await _context.AddProfileAsync("failing");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=update-now]", Deadline);

        _context.Events.Publish(Event(MonitoringEventKind.Started, profile.Id, 0, 0));
        _context.Events.Publish(Event(MonitoringEventKind.Failed, profile.Id, 1, 10, "Out of credits"));

        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Run failed for @failing: Out of credits", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=run-progress]")), Deadline);
    }

    [Fact]
    public async Task ProfilePage_UpdateNowClicked_QueuesThroughSeamAndShowsToast()
    {
        var profile = await _context.AddProfileAsync("queuer");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));
        page.WaitForElement("[data-testid=update-now]", Deadline);

        page.Find("[data-testid=update-now]").Click();

        page.WaitForAssertion(() => Assert.Contains(profile.Id, _context.Monitoring.QueueCalls), Deadline);
        _context.Snackbars.WaitForAssertion(() => Assert.Contains("Update queued for @queuer", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public void ProfilePage_UnknownId_ShowsNotFound()
    {
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, Guid.NewGuid()));

        page.WaitForElement("[data-testid=profile-not-found]", Deadline);
    }

    [Fact]
    public async Task ProfilePage_TwoRunsRecorded_CardsShowTotalsAndChange()
    {
        var profile = await _context.AddProfileAsync("cards", configure: p => { p.Totals = p.Totals with { Views = 1_234_567 }; p.TotalPosts = 12; });
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            db.ProfileMetricsHistory.Add(new() { ProfileId = profile.Id, Totals = PostMetrics.From(_ => 0) with { Views = 1_000_000 }, TotalPosts = 10, RecordedAt = DateTime.UtcNow.AddDays(-1) });
            db.ProfileMetricsHistory.Add(new() { ProfileId = profile.Id, Totals = PostMetrics.From(_ => 0) with { Views = 1_234_567 }, TotalPosts = 12, RecordedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile.Id));

        page.WaitForElement("[data-testid=metric-card-views]", Deadline);
        Assert.Equal("1.2M", page.Find("[data-testid=metric-value-views]").TextContent);
        Assert.Equal("1,234,567", page.Find("[data-testid=metric-value-views]").GetAttribute("title"));
        Assert.Equal("+234.5K", page.Find("[data-testid=metric-card-views] .delta").TextContent);
        Assert.Equal("+2", page.Find("[data-testid=metric-card-posts] .delta").TextContent);
    }

    private static IElement SwitchInput(IRenderedComponent<ProfilePage> page)
    {
        var element = page.Find("[data-testid=monitor-switch]");
        return element.TagName == "INPUT" ? element : element.QuerySelector("input")!;
    }

    private static MonitoringEvent Event(MonitoringEventKind kind, Guid profileId, int pages, int posts, string? error = null) =>
        new(kind, profileId, 42, MonitoringTrigger.Manual, 1, pages, posts, DateTime.UtcNow, error);
}
