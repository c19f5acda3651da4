using Bunit;
using Monitor.Core.Audience;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Audience;
using Monitor.Web.Components.Charts;
using MudBlazor;

namespace Monitor.Tests.Audience;

/// <summary>The profile page's audience tab, rendered with the real queries over SQLite.</summary>
public sealed class AudienceSectionTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task AudienceSection_NoSnapshot_SaysHowCountersGetRecorded()
    {
        var profile = await _context.AddProfileAsync("quiet");

        var section = _context.Bunit.Render<AudienceSection>(p => p.Add(x => x.ProfileId, profile.Id));

        var empty = section.WaitForElement("[data-testid=audience-empty]", Deadline);
        Assert.Contains("Monitoring:AccountCounters:DailyProfileCall", empty.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AudienceSection_RisingFollowers_ShowsCountersGainsMilestoneAndChart()
    {
        var profile = await _context.AddProfileAsync("rising");
        // Noon UTC on 31 days running, +100 a day up to 12,000 (the reporting zone is UTC in tests).
        await AddDailyFollowersAsync(profile.Id, Enumerable.Range(0, 31).Select(i => 9_000L + (i * 100)).ToArray());

        var section = _context.Bunit.Render<AudienceSection>(p => p.Add(x => x.ProfileId, profile.Id));

        section.WaitForElement("[data-testid=follower-chart]", Deadline);
        Assert.Equal("12K", section.Find("[data-testid=audience-followers]").TextContent);
        Assert.Equal("+100", section.Find("[data-testid=gain-1d] .delta").TextContent);
        Assert.Equal("+700", section.Find("[data-testid=gain-7d] .delta").TextContent);
        Assert.Equal("+3K", section.Find("[data-testid=gain-30d] .delta").TextContent);
        Assert.Equal("(+33.33%)", section.Find("[data-testid=growth-30d]").TextContent.Trim());
        Assert.Contains("100K projected around", section.Find("[data-testid=milestone-explanation]").TextContent, StringComparison.Ordinal);
        var range = section.FindComponent<FollowerChart>().FindComponent<MudToggleGroup<int>>();
        await range.InvokeAsync(() => range.Instance.ValueChanged.InvokeAsync(0));
        section.WaitForAssertion(() => Assert.Equal("31", section.Find("[data-testid=follower-chart]").GetAttribute("data-points")), Deadline);
    }

    [Fact]
    public async Task AudienceSection_FallingFollowers_SaysTheMilestoneIsNotProjected()
    {
        var profile = await _context.AddProfileAsync("falling");
        await AddDailyFollowersAsync(profile.Id, Enumerable.Range(0, 31).Select(i => 50_000L - (i * 33)).ToArray());

        var section = _context.Bunit.Render<AudienceSection>(p => p.Add(x => x.ProfileId, profile.Id));

        var explanation = section.WaitForElement("[data-testid=milestone-explanation]", Deadline);
        Assert.Equal("Not projected: followers fell 2% over 30 days.", explanation.TextContent);
        Assert.Empty(section.FindAll("[data-testid=milestone-date]"));
    }

    [Fact]
    public async Task FollowerChart_DailyChangeChosen_ShowsOneBarPerDay()
    {
        var profile = await _context.AddProfileAsync("bars");
        await AddDailyFollowersAsync(profile.Id, [1_000, 1_100, 1_050, 1_300]);

        var chart = _context.Bunit.Render<FollowerChart>(p => p.Add(x => x.ProfileId, profile.Id));
        chart.WaitForElement("[data-testid=follower-chart]", Deadline);
        var toggle = chart.FindComponent<ChartModeToggle>();
        await toggle.InvokeAsync(() => toggle.FindComponent<MudToggleGroup<ChartMode>>().Instance.ValueChanged.InvokeAsync(ChartMode.DailyChange));

        var daily = chart.WaitForElement("[data-testid=daily-change-chart]", Deadline);
        Assert.Equal(("3", "1"), (daily.GetAttribute("data-days"), daily.GetAttribute("data-gaps")));
        Assert.Contains("Per day in UTC", chart.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowerChart_FollowersCrossAMilestone_MarkedOnTheLine()
    {
        var profile = await _context.AddProfileAsync("crossing");
        await AddDailyFollowersAsync(profile.Id, [9_800, 9_900, 10_100, 10_200]);

        var chart = _context.Bunit.Render<FollowerChart>(p => p.Add(x => x.ProfileId, profile.Id));

        var legend = chart.WaitForElement("[data-testid=chart-marker-follower_milestone]", Deadline);
        Assert.Contains("Follower milestone × 1", legend.TextContent, StringComparison.Ordinal);
    }

    /// <summary>One count at noon UTC per day, the last one yesterday.</summary>
    private async Task AddDailyFollowersAsync(Guid profileId, long[] counts)
    {
        var last = DateTime.UtcNow.Date.AddDays(-1).AddHours(12);
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        for (var i = 0; i < counts.Length; i++)
        {
            db.AccountHistory.Add(new ProfileAccountSnapshot
            {
                ProfileId = profileId,
                RecordedAt = last.AddDays(i - (counts.Length - 1)),
                FollowerCount = counts[i],
                FollowingCount = 10,
                LikesCount = 1_000,
                VideoCount = 5,
                Source = AccountSnapshotSource.FeedAuthor,
            });
        }

        await db.SaveChangesAsync();
    }
}
