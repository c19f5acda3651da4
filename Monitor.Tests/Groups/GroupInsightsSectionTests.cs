using Bunit;
using Monitor.Core.Accounts;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Groups;
using Monitor.Web.Components.Time;

namespace Monitor.Tests.Groups;

/// <summary>The compare page's section with the group's heatmap and leaderboards, over SQLite with the real queries (<see cref="GroupInsightSeed"/>).</summary>
public sealed class GroupInsightsSectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();
    private GroupInsightSeed _seed = default!;

    public async Task InitializeAsync()
    {
        await _context.InitializeAsync();
        _seed = new GroupInsightSeed(_context.ContextFactory);
        await _seed.SeedAsync("section");
    }

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void Section_TwoMembers_HeatmapAndHashtagsOverTheirUnion_KeysAreNotLinks()
    {
        var section = _context.Bunit.Render<GroupInsightsSection>(p => p.Add(x => x.ProfileIds, new[] { _seed.A, _seed.B })
            .AddCascadingValue(UserTimeZone.FromId("Etc/UTC")));

        section.WaitForAssertion(() => Assert.NotNull(section.Find("[data-testid=best-time-grid]")), Deadline);
        var monday = section.Find("[data-testid=best-time-cell][data-day=Monday][data-hour='9']");
        Assert.Equal(("3", "200"), (monday.GetAttribute("data-posts"), monday.TextContent));
        section.WaitForAssertion(() => Assert.Equal(2, section.FindAll("[data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]").Count), Deadline);
        Assert.Equal(["shared", "bonly"], section.FindAll("[data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]").Select(r => r.GetAttribute("data-key")));
        Assert.All(section.FindAll("[data-testid=leaderboard-key]"), key => Assert.NotEqual("A", key.TagName));
        Assert.Contains("all 2 members counted together", section.Find("[data-testid=group-insights-caption]").TextContent, StringComparison.Ordinal);
        Assert.Contains("open it on TikTok", section.Find("[data-testid=leaderboards-caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void ComparePage_AsViewer_ShowsTheGroupsLeaderboards()
    {
        _context.Authorization.SetRoles(MonitorRoles.Viewer);

        var page = _context.Bunit.Render<GroupComparePage>(p => p.Add(x => x.Id, _seed.GroupId));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=group-insights] [data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]").Count), Deadline);
        Assert.Single(page.FindAll("[data-testid=group-insights] [data-testid=best-time-card]"));
    }
}
