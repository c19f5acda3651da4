using AngleSharp.Dom;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Audience;
using Monitor.Core.Changes;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Changes;
using Monitor.Web.Components.Time;
using MudBlazor;

namespace Monitor.Tests.Changes;

/// <summary>The Changes tab with the real feed over SQLite: the entries, the kind filter, and notes for admins only.</summary>
public sealed class ChangesTabTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task ChangesTab_AdminAddsANote_ItIsListedWithItsAuthorAndCanBeDeleted()
    {
        var profile = await _context.AddProfileAsync("noted");
        var tab = Render(profile.Id, canManage: true);
        tab.WaitForElement("[data-testid=changes-empty]", Deadline);

        Input(tab, "note-text").Input("Paid boost");
        tab.Find("[data-testid=note-add]").Click();

        tab.WaitForAssertion(() => Assert.Equal("Paid boost", tab.Find("[data-testid=change-row][data-kind=annotation] [data-testid=change-summary]").TextContent), Deadline);
        Assert.Contains("by test-admin", tab.Find("[data-testid=change-row]").TextContent, StringComparison.Ordinal);
        Assert.Contains("(day, UTC)", tab.Find("[data-testid=change-row]").TextContent, StringComparison.Ordinal);

        tab.Find("[data-testid=delete-note]").Click();

        tab.WaitForElement("[data-testid=changes-empty]", Deadline);
    }

    [Fact]
    public async Task ChangesTab_NoteTooLong_ShowsTheLimitAndStoresNothing()
    {
        var profile = await _context.AddProfileAsync("toolong");
        var tab = Render(profile.Id, canManage: true);
        tab.WaitForElement("[data-testid=changes-empty]", Deadline);

        Input(tab, "note-text").Input(new string('x', ChangeLimits.AnnotationTextLength + 1));
        tab.Find("[data-testid=note-add]").Click();

        tab.WaitForAssertion(() => Assert.Contains("text is at most 500 characters (this one has 501)", tab.Markup, StringComparison.Ordinal), Deadline);
        Assert.Empty(tab.FindAll("[data-testid=change-row]"));
    }

    [Fact]
    public async Task ChangesTab_Viewer_ReadsTheFeedButHasNoFormAndNoDelete()
    {
        var profile = await _context.AddProfileAsync("viewed");
        await _context.Bunit.Services.GetRequiredService<AnnotationService>()
            .AddAsync(profile.Id, new AnnotationInput("2026-11-14", "Campaign start"), "admin", CancellationToken.None);
        _context.Authorization.SetRoles(MonitorRoles.Viewer);

        var tab = Render(profile.Id, canManage: false);

        tab.WaitForElement("[data-testid=change-row]", Deadline);
        Assert.Contains("2026-11-14 (day, UTC)", tab.Find("[data-testid=change-row]").TextContent, StringComparison.Ordinal);
        Assert.Empty(tab.FindAll("[data-testid=add-note]"));
        Assert.Empty(tab.FindAll("[data-testid=delete-note]"));
    }

    [Fact]
    public async Task ChangesTab_KindChosen_ListsOnlyThatKind()
    {
        var profile = await _context.AddProfileAsync("filtered");
        var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            db.Add(new ProfileChange { ProfileId = profile.Id, Kind = ChangeKinds.NicknameChanged, OldValue = "Old", NewValue = "New", OccurredAt = at });
            db.Add(new ProfileChange { ProfileId = profile.Id, Kind = ChangeKinds.AccountStateChanged, OldValue = "active", NewValue = "private", OccurredAt = at.AddHours(1) });
            await db.SaveChangesAsync();
        }

        var tab = Render(profile.Id, canManage: false);
        tab.WaitForAssertion(() => Assert.Equal(2, tab.FindAll("[data-testid=change-row]").Count), Deadline);
        Assert.Equal("2026-11-20 06:00:00 (UTC-05:00)", tab.FindAll("[data-testid=change-row] td")[0].TextContent);

        var select = tab.FindComponent<MudSelect<string>>();
        await tab.InvokeAsync(() => select.Instance.SelectedValuesChanged.InvokeAsync([ChangeKinds.NicknameChanged]));

        tab.WaitForAssertion(() => Assert.Equal("Old → New", tab.Find("[data-testid=change-row] [data-testid=change-summary]").TextContent), Deadline);
        Assert.Single(tab.FindAll("[data-testid=change-row]"));
    }

    [Fact]
    public async Task ChangesTab_FollowersCrossedAMilestone_SaysWhichWithBothCounts()
    {
        var profile = await _context.AddProfileAsync("milestone");
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            var at = new DateTime(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
            db.AccountHistory.AddRange(
                new Monitor.Core.Audience.ProfileAccountSnapshot { ProfileId = profile.Id, RecordedAt = at, FollowerCount = 99_000 },
                new Monitor.Core.Audience.ProfileAccountSnapshot { ProfileId = profile.Id, RecordedAt = at.AddDays(1), FollowerCount = 101_500 });
            await db.SaveChangesAsync();
        }

        var tab = Render(profile.Id, canManage: false);

        tab.WaitForAssertion(() => Assert.Equal("Reached 100K followers (99,000 → 101,500)",
            tab.Find("[data-testid=change-row][data-kind=follower_milestone] [data-testid=change-summary]").TextContent), Deadline);
    }

    private IRenderedComponent<ChangesTab> Render(Guid profileId, bool canManage) =>
        _context.Bunit.Render<ChangesTab>(p => p
            .Add(x => x.ProfileId, profileId)
            .Add(x => x.CanManage, canManage)
            .AddCascadingValue(UserTimeZone.FromId("America/New_York")));

    private static IElement Input(IRenderedComponent<ChangesTab> tab, string testId)
    {
        var element = tab.Find($"[data-testid={testId}]");
        return element.TagName is "INPUT" or "TEXTAREA" ? element : element.QuerySelector("input, textarea")!;
    }
}
