using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Groups;
using Monitor.Core.Groups.Compare;
using Monitor.Core.Profiles;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Groups;

namespace Monitor.Tests.Groups;

/// <summary>The leaderboard's sorting and summary rows, the groups list and the compare page, in bunit with the real services.</summary>
public sealed class GroupComponentsTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void CompareTable_ClickingAHeader_RanksByItThenReverses_UnknownsLast()
    {
        var table = _context.Bunit.Render<CompareTable>(p => p.Add(x => x.Comparison, Comparison(
            Row("small", postsPerWeek: 1, medianViews: 50),
            Row("large", postsPerWeek: 3, medianViews: 900, own: true),
            Row("silent", postsPerWeek: 0, medianViews: null))));

        Assert.Equal(["large", "small", "silent"], Handles(table));

        table.Find("[data-testid=sort-postsPerWeek]").Click();
        Assert.Equal(["large", "small", "silent"], Handles(table));
        table.Find("[data-testid=sort-postsPerWeek]").Click();
        Assert.Equal(["silent", "small", "large"], Handles(table));

        table.Find("[data-testid=sort-medianViews]").Click();
        table.Find("[data-testid=sort-medianViews]").Click();
        Assert.Equal(["small", "large", "silent"], Handles(table));

        table.Find("[data-testid=sort-profile]").Click();
        Assert.Equal(["large", "silent", "small"], Handles(table));
        Assert.Single(table.FindAll("[data-testid=own-chip]"));
    }

    [Fact]
    public void CompareTable_ShowsBothAveragesLabelled_AndUnknownsAsDashes()
    {
        var table = _context.Bunit.Render<CompareTable>(p => p.Add(x => x.Comparison, Comparison(
            Row("us", postsPerWeek: 2, medianViews: 1_000, own: true),
            Row("them", postsPerWeek: 4, medianViews: null))));

        var averages = table.FindAll("[data-testid=compare-average]");
        Assert.Equal(2, averages.Count);
        Assert.Contains("Competitor average", averages[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("4.0", averages[0].TextContent, StringComparison.Ordinal);
        Assert.Contains("Group average", averages[1].TextContent, StringComparison.Ordinal);
        Assert.Contains("3.0", averages[1].TextContent, StringComparison.Ordinal);
        var them = table.FindAll("[data-testid=compare-row]").Single(r => r.GetAttribute("data-handle") == "them");
        Assert.Equal("—", them.QuerySelector("[data-testid=cell-medianViews]")!.TextContent.Trim());
    }

    [Fact]
    public async Task GroupsPage_ListsGroupsWithSizeAndOwn_AdminCanCreate()
    {
        var us = await _context.AddProfileAsync("listed.us");
        var groups = _context.Bunit.Services.GetRequiredService<GroupService>();
        var created = await groups.CreateAsync("Listed", "Two brands", CancellationToken.None);
        await _context.Bunit.Services.GetRequiredService<GroupMembership>().PutAsync(created.Group!.Id, us.Id, true, CancellationToken.None);

        var page = _context.Bunit.Render<GroupsPage>();

        page.WaitForElement("[data-testid=group-row]", Deadline);
        var row = Assert.Single(page.FindAll("[data-testid=group-row]"));
        Assert.Contains("Listed", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("@listed.us", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", row.QuerySelector("[data-testid=group-members]")!.TextContent.Trim());
        Assert.NotNull(page.Find("[data-testid=create-group]"));
        Assert.NotNull(page.Find("[data-testid=group-delete]"));
    }

    [Fact]
    public async Task GroupsPage_DeleteConfirmed_RemovesTheGroupKeepsTheProfile()
    {
        var profile = await _context.AddProfileAsync("kept.member");
        var created = await _context.Bunit.Services.GetRequiredService<GroupService>().CreateAsync("Doomed", null, CancellationToken.None);
        await _context.Bunit.Services.GetRequiredService<GroupMembership>().PutAsync(created.Group!.Id, profile.Id, true, CancellationToken.None);
        var page = _context.Bunit.Render<GroupsPage>();
        page.WaitForElement("[data-testid=group-delete]", Deadline);

        page.Find("[data-testid=group-delete]").Click();
        _context.Dialogs.WaitForAssertion(() => Assert.Contains("Delete the group Doomed?", _context.Dialogs.Markup, StringComparison.Ordinal), Deadline);
        _context.Dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForElement("[data-testid=groups-empty]", Deadline);
        Assert.Empty(await _context.Bunit.Services.GetRequiredService<GroupService>().ListAsync(CancellationToken.None));
        await using var db = await _context.ContextFactory.CreateDbContextAsync();
        Assert.True(db.Profiles.Any(p => p.Id == profile.Id));
    }

    [Fact]
    public async Task GroupsAndComparePage_Viewer_SeesNoChangingControls()
    {
        var profile = await _context.AddProfileAsync("viewed.member");
        var created = await _context.Bunit.Services.GetRequiredService<GroupService>().CreateAsync("Viewed", null, CancellationToken.None);
        await _context.Bunit.Services.GetRequiredService<GroupMembership>().PutAsync(created.Group!.Id, profile.Id, null, CancellationToken.None);
        _context.Authorization.SetRoles(MonitorRoles.Viewer);

        var list = _context.Bunit.Render<GroupsPage>();
        var compare = _context.Bunit.Render<GroupComparePage>(p => p.Add(x => x.Id, created.Group.Id));

        list.WaitForElement("[data-testid=group-row]", Deadline);
        Assert.Empty(list.FindAll("[data-testid=create-group]"));
        Assert.Empty(list.FindAll("[data-testid=group-delete]"));
        compare.WaitForElement("[data-testid=compare-row]", Deadline);
        Assert.Empty(compare.FindAll("[data-testid=group-members-panel]"));
    }

    [Fact]
    public async Task ComparePage_ShowsTheGroupSideBySide_WithThePeriodAndZone()
    {
        var us = await _context.AddProfileAsync("page.us");
        var them = await _context.AddProfileAsync("page.them");
        var created = await _context.Bunit.Services.GetRequiredService<GroupService>().CreateAsync("Page group", null, CancellationToken.None);
        var members = _context.Bunit.Services.GetRequiredService<GroupMembership>();
        await members.PutAsync(created.Group!.Id, us.Id, true, CancellationToken.None);
        await members.PutAsync(created.Group.Id, them.Id, null, CancellationToken.None);

        var page = _context.Bunit.Render<GroupComparePage>(p => p.Add(x => x.Id, created.Group.Id));

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=compare-row]").Count), Deadline);
        Assert.Equal("Page group", page.Find("[data-testid=group-title]").TextContent.Trim());
        Assert.Contains("30 days of UTC (Monitoring:TimeZone)", page.Find("[data-testid=compare-period]").TextContent, StringComparison.Ordinal);
        Assert.Contains("UTC", page.Find("[data-testid=growth-caption]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=growth-empty]"));
        Assert.Equal(2, page.FindAll("[data-testid=group-member]").Count);
        Assert.Single(page.FindAll("[data-testid=mark-own]"));
    }

    [Fact]
    public async Task ComparePage_PeriodFromTheAddress_AndAdminRenames()
    {
        var created = await _context.Bunit.Services.GetRequiredService<GroupService>().CreateAsync("Old name", null, CancellationToken.None);
        _context.Bunit.Services.GetRequiredService<NavigationManager>().NavigateTo($"/groups/{created.Group!.Id}?from=2026-11-01&to=2026-11-14");

        var page = _context.Bunit.Render<GroupComparePage>(p => p.Add(x => x.Id, created.Group.Id));

        page.WaitForAssertion(() => Assert.Contains("2026-11-01 to 2026-11-14: 14 days", page.Find("[data-testid=compare-period]").TextContent, StringComparison.Ordinal), Deadline);
        var name = page.Find("[data-testid=rename-name]");
        (name.TagName == "INPUT" ? name : name.QuerySelector("input")!).Change("New name");
        page.Find("[data-testid=rename-save]").Click();
        page.WaitForAssertion(() => Assert.Equal("New name", page.Find("[data-testid=group-title]").TextContent.Trim()), Deadline);
        Assert.Equal("New name", (await _context.Bunit.Services.GetRequiredService<GroupService>().GetAsync(created.Group.Id, CancellationToken.None))!.Name);
    }

    private static List<string> Handles(IRenderedComponent<CompareTable> table) =>
        [.. table.FindAll("[data-testid=compare-row]").Select(r => r.GetAttribute("data-handle")!)];

    private static GroupCompareRow Row(string handle, double postsPerWeek, double? medianViews, bool own = false) => new()
    {
        ProfileId = Guid.NewGuid(),
        Handle = handle,
        IsOwn = own,
        PostsPerWeek = postsPerWeek,
        MedianViews = medianViews,
    };

    private static GroupComparison Comparison(params GroupCompareRow[] rows)
    {
        var columns = CompareColumns.All;
        var period = new ComparePeriod(new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 14), "UTC", new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 15, 0, 0, 0, DateTimeKind.Utc));
        return new GroupComparison(Guid.NewGuid(), "Hand-made", period, columns, rows,
            CompareAverage.Of(GroupCompareService.CompetitorAverageLabel, "Without the own profile.", [.. rows.Where(r => !r.IsOwn)], columns),
            CompareAverage.Of(GroupCompareService.GroupAverageLabel, "All profiles.", rows, columns), []);
    }
}
