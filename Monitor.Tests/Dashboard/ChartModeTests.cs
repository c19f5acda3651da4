using Bunit;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Web.Components.Charts;
using Monitor.Web.Components.Pages.Profiles;
using MudBlazor;

namespace Monitor.Tests.Dashboard;

public sealed class ChartModeTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task ProfileChart_DailyChangeChosen_ShowsOneBarPerDayWithTheFallingDayAsAGap()
    {
        var profile = await _context.AddProfileAsync("daily");
        // Noon UTC on four days running; views fall on the third (the reporting zone is UTC in tests).
        var today = DateTime.UtcNow.Date.AddHours(12);
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            foreach (var (daysAgo, views) in new[] { (4, 1_000L), (3, 1_500L), (2, 1_400L), (1, 2_000L) })
            {
                db.ProfileMetricsHistory.Add(new() { ProfileId = profile.Id, Totals = PostMetrics.From(_ => 0) with { Views = views }, TotalPosts = 1, RecordedAt = today.AddDays(-daysAgo) });
            }

            await db.SaveChangesAsync();
        }

        var chart = _context.Bunit.Render<ProfileChart>(p => p.Add(x => x.ProfileId, profile.Id));
        chart.WaitForElement("[data-testid=profile-chart]", Deadline);

        var toggle = chart.FindComponent<ChartModeToggle>();
        await toggle.InvokeAsync(() => toggle.FindComponent<MudToggleGroup<ChartMode>>().Instance.ValueChanged.InvokeAsync(ChartMode.DailyChange));

        var daily = chart.WaitForElement("[data-testid=daily-change-chart]", Deadline);
        Assert.Equal(("3", "1"), (daily.GetAttribute("data-days"), daily.GetAttribute("data-gaps")));
        Assert.Contains("1 day has no bar", chart.Find("[data-testid=daily-change-gaps]").TextContent, StringComparison.Ordinal);
        Assert.Empty(chart.FindAll("[data-testid=profile-chart]"));
    }
}
