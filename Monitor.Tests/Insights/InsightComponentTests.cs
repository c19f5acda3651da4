using Bunit;
using Monitor.Core.Accounts;
using Monitor.Core.Insights;
using Monitor.Core.Posts;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Insights;
using Monitor.Web.Components.Pages.Profiles;
using Monitor.Web.Components.Time;

namespace Monitor.Tests.Insights;

/// <summary>The insights tab's components against real queries over SQLite: what they show, what they name, what a click does.</summary>
public sealed class InsightComponentTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();
    private InsightSeed _seed = default!;

    public async Task InitializeAsync()
    {
        await _context.InitializeAsync();
        _seed = new InsightSeed(_context.ContextFactory);
    }

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task EngagementCard_Last30Posts_ShowsMedianBesideRatioWithFormulaAndWindow()
    {
        var profile = await _seed.ProfileAsync("card");
        await _seed.PostAsync(profile, InsightSeed.Origin, InsightSeed.Counts(1_000, 80, 10, 10));
        await _seed.PostAsync(profile, InsightSeed.Origin.AddDays(-1), InsightSeed.Counts(100, 10, 5, 5, 0));
        await _seed.PostAsync(profile, InsightSeed.Origin.AddDays(-2), InsightSeed.Counts(0, 1, 1, 1));

        var card = _context.Bunit.Render<EngagementCard>(p => p.Add(x => x.ProfileId, profile).Add(x => x.Period, InsightPeriod.AllTime).Add(x => x.PeriodLabel, "All posts"));

        card.WaitForAssertion(() => Assert.Equal(2, card.FindAll("[data-testid=engagement-rate]").Count), Deadline);
        var byViews = card.Find("[data-variant=views]");
        Assert.Equal("10.00 %", byViews.QuerySelector("[data-testid=engagement-median]")!.TextContent);
        Assert.Equal("10.91 %", byViews.QuerySelector("[data-testid=engagement-ratio]")!.TextContent);
        Assert.Contains("(likes + comments + shares) / views · 2 of 3 posts with a known rate", byViews.TextContent, StringComparison.Ordinal);
        Assert.Contains("Over the last 30 posts by posting time: 3 posts.", card.Find("[data-testid=engagement-window-text]").TextContent, StringComparison.Ordinal);
        Assert.Empty(card.FindAll("[data-variant=followers]"));
        Assert.Equal("20.00 %", card.Find("[data-variant=viewsWithSaves] [data-testid=engagement-median]").TextContent);
    }

    [Fact]
    public async Task BestTimeCard_FewPosts_SaysHowManyMoreItNeedsInsteadOfAGrid()
    {
        var profile = await _seed.ProfileAsync("few");
        await _seed.PostAsync(profile, InsightSeed.Origin, InsightSeed.Counts(1, 1, 1, 1), [(24, 500)]);

        var card = RenderBestTime(profile);

        card.WaitForAssertion(() => Assert.Contains("29 more posts with views known 24 h after posting", card.Find("[data-testid=best-time-not-enough]").TextContent, StringComparison.Ordinal), Deadline);
        Assert.Empty(card.FindAll("[data-testid=best-time-grid]"));
        Assert.Contains("by posting time in Europe/Berlin", card.Find("[data-testid=best-time-caption]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BestTimeCard_EnoughPosts_DrawsCellsInTheViewersZone()
    {
        var profile = await _seed.ProfileAsync("many");
        // Mondays 2026-03-02 onwards at 11:00 UTC = 12:00 in Berlin (winter time until 29 March): 30 posts in one cell...
        for (var i = 0; i < 3; i++)
        {
            await _seed.PostAsync(profile, InsightSeed.Origin.AddHours(-1).AddDays(-7 * i), InsightSeed.Counts(1, 1, 1, 1), [(24, 100 * (i + 1))]);
        }

        // ...and 27 more, all in winter time: 14 on Tuesdays and 13 on Thursdays at 08:00 in Berlin.
        for (var i = 0; i < 27; i++)
        {
            var day = i < 14 ? new DateTime(2026, 3, 3, 7, 0, 0, DateTimeKind.Utc).AddDays(-7 * i) : new DateTime(2026, 3, 5, 7, 0, 0, DateTimeKind.Utc).AddDays(-7 * (i - 14));
            await _seed.PostAsync(profile, day, InsightSeed.Counts(1, 1, 1, 1), [(24, 10)]);
        }

        var card = RenderBestTime(profile);

        card.WaitForAssertion(() => Assert.NotNull(card.Find("[data-testid=best-time-grid]")), Deadline);
        var monday = card.Find("[data-testid=best-time-cell][data-day=Monday][data-hour='12']");
        Assert.Equal(("3", "200"), (monday.GetAttribute("data-posts"), monday.TextContent));
        Assert.Contains("Monday 12:00–12:59 (Europe/Berlin): median 200 views 24 h after posting, over 3 posts", monday.GetAttribute("title"), StringComparison.Ordinal);
        Assert.Equal("14", card.Find("[data-testid=best-time-cell][data-day=Tuesday][data-hour='8']").GetAttribute("data-posts"));
        Assert.Equal("13", card.Find("[data-testid=best-time-cell][data-day=Thursday][data-hour='8']").GetAttribute("data-posts"));
        Assert.Equal(3, card.FindAll("[data-testid=best-time-cell]").Count);
    }

    [Fact]
    public async Task LeaderboardsCard_HashtagClicked_AsksForThePostsFilteredByIt_SoundsApart()
    {
        var profile = await _seed.ProfileAsync("boards");
        await _seed.PostAsync(profile, InsightSeed.Origin, InsightSeed.Counts(1_000, 10, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundIsOriginal) = ("""["dance"]""", "7400000000000000001", "original sound", true));
        await _seed.PostAsync(profile, InsightSeed.Origin.AddDays(-1), InsightSeed.Counts(100, 10, 0, 0),
            configure: p => (p.HashtagsJson, p.SoundId, p.SoundTitle, p.SoundIsOriginal) = ("""["dance","fyp"]""", "7400000000000000002", "Hit song", false));
        PostFilter? asked = null;

        var card = _context.Bunit.Render<LeaderboardsCard>(p => p.Add(x => x.ProfileIds, new[] { profile }).Add(x => x.Period, InsightPeriod.AllTime)
            .Add(x => x.FilterPosts, (PostFilter f) => asked = f));

        card.WaitForAssertion(() => Assert.Equal(2, card.FindAll("[data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]").Count), Deadline);
        Assert.Equal(["dance", "fyp"], card.FindAll("[data-testid=hashtag-leaderboard] [data-testid=leaderboard-row]").Select(r => r.GetAttribute("data-key")));
        Assert.Equal("7400000000000000001", card.Find("[data-testid=original-sound-leaderboard] [data-testid=leaderboard-row]").GetAttribute("data-key"));
        Assert.Equal("7400000000000000002", card.Find("[data-testid=borrowed-sound-leaderboard] [data-testid=leaderboard-row]").GetAttribute("data-key"));
        Assert.Contains("(likes + comments + shares) / views", card.Find("[data-testid=leaderboards-caption]").TextContent, StringComparison.Ordinal);

        await card.InvokeAsync(() => card.Find("[data-testid=hashtag-leaderboard] [data-key=dance] [data-testid=leaderboard-key]").Click());

        Assert.Equal(PostFilter.None with { Hashtag = "dance" }, asked);
    }

    [Fact]
    public async Task ProfilePage_AsViewer_InsightsTabHashtagClick_ShowsThePostsGridFiltered()
    {
        _context.Authorization.SetRoles(MonitorRoles.Viewer);
        var profile = await _seed.ProfileAsync("tabbed");
        await _seed.PostAsync(profile, InsightSeed.Origin, InsightSeed.Counts(1_000, 10, 0, 0), configure: p => p.HashtagsJson = """["dance"]""");
        await _seed.PostAsync(profile, InsightSeed.Origin.AddDays(-1), InsightSeed.Counts(100, 10, 0, 0), configure: p => p.HashtagsJson = """["cats"]""");
        var page = _context.Bunit.Render<ProfilePage>(p => p.Add(x => x.Id, profile));
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=post-row]").Count), Deadline);
        Assert.Equal(["10.00 %", "1.00 %"], page.FindAll("[data-testid=post-rate]").Select(e => e.TextContent).Order(StringComparer.Ordinal).Reverse());
        // Not queried before the tab is opened: on a profile with 10,000 posts it held back the page's first paint by 3–4 s.
        Assert.Empty(page.FindAll("[data-testid=hashtag-leaderboard]"));

        await page.InvokeAsync(() => page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Insights", StringComparison.Ordinal)).Click());
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=hashtag-leaderboard] [data-key=cats]")), Deadline);
        await page.InvokeAsync(() => page.Find("[data-testid=hashtag-leaderboard] [data-key=cats] [data-testid=leaderboard-key]").Click());

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=post-row]")), Deadline);
        Assert.Equal("10.00 %", page.Find("[data-testid=post-rate]").TextContent);
        var field = page.Find("[data-testid=filter-hashtag]");
        Assert.Equal("#cats", (field.TagName == "INPUT" ? field : field.QuerySelector("input")!).GetAttribute("value"));
    }

    private IRenderedComponent<BestTimeCard> RenderBestTime(Guid profile) =>
        _context.Bunit.Render<BestTimeCard>(p => p.Add(x => x.ProfileIds, new[] { profile }).Add(x => x.Period, InsightPeriod.AllTime)
            .AddCascadingValue(UserTimeZone.FromId("Europe/Berlin")));
}
