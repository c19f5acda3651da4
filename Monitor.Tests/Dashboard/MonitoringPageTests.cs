using Bunit;
using Monitor.Core.LiveEvents;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Web.Components.Pages.Monitoring;

namespace Monitor.Tests.Dashboard;

public sealed class MonitoringPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void MonitoringPage_QueueStats_ShownAsCards()
    {
        _context.Monitoring.Stats = FakeMonitoringActions.Queue(waiting: 4, active: 2, completed: 10, failed: 3, delayed: 1);

        var page = _context.Bunit.Render<MonitoringPage>();

        page.WaitForAssertion(() => Assert.Equal("3", page.Find("[data-testid=stat-failed-value]").TextContent), Deadline);
        Assert.Equal("4", page.Find("[data-testid=stat-waiting-value]").TextContent);
        Assert.Contains("last 24 h", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void MonitoringPage_PageCompletedEvent_UpdatesTheRunInProgress()
    {
        var profileId = Guid.NewGuid();
        _context.Monitoring.InProgress = [new MonitoringRunView(5, profileId, "inflight", MonitoringStatus.Running, MonitoringTrigger.Scheduled, 1, DateTime.UtcNow, DateTime.UtcNow, DateTime.UtcNow, 1, 10, 4)];
        var page = _context.Bunit.Render<MonitoringPage>();
        page.WaitForElement("[data-testid=run-progress]", Deadline);

        _context.Events.Publish(new MonitoringEvent(MonitoringEventKind.PageCompleted, profileId, 5, MonitoringTrigger.Scheduled, 1, 3, 52, DateTime.UtcNow));

        page.WaitForAssertion(() => Assert.Equal("3 pages", page.Find("[data-testid=run-progress-pages]").TextContent.Trim()), Deadline);
    }

    [Fact]
    public void MonitoringPage_SweepClicked_ToastsHowManyWereQueued()
    {
        _context.Monitoring.SweepResult = 2;
        var page = _context.Bunit.Render<MonitoringPage>();
        page.WaitForElement("[data-testid=run-sweep]", Deadline);

        page.Find("[data-testid=run-sweep]").Click();

        _context.Snackbars.WaitForAssertion(() => Assert.Contains("2 runs queued", _context.Snackbars.Markup, StringComparison.Ordinal), Deadline);
    }
}
