using Bunit;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Quality;
using Monitor.Core.RunQueries;
using Monitor.Core.Runs;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Quality;

/// <summary>The log's "Suspect: …" chip and a post's "not seen since …", rendered by the real components.</summary>
public sealed class QualityDisplayTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void LogsGrid_SuspectRun_ShowsTheChipWithItsReason()
    {
        var profileId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        _context.Monitoring.Logs =
        [
            Log(2, profileId, now, SuspectReason.CountersDropped, 40, 90),
            Log(1, profileId, now.AddHours(-1), null, null, null),
        ];

        var grid = _context.Bunit.Render<LogsGrid>(p => p.Add(x => x.ProfileId, profileId));

        grid.WaitForAssertion(() => Assert.Equal(2, grid.FindAll("[data-testid=log-row]").Count), Deadline);
        var chip = Assert.Single(grid.FindAll("[data-testid=suspect-chip]"));
        Assert.Contains("Suspect: views fell for 40 of 90 posts", chip.TextContent, StringComparison.Ordinal);
        Assert.Equal("CountersDropped", chip.GetAttribute("data-reason"));
    }

    [Fact]
    public async Task PostsGrid_PostMissingFromThreeFullScans_ShowsNotSeenSince()
    {
        var profile = await _context.AddProfileAsync("unseen");
        var views = await _context.AddPostsAsync(profile.Id, 3);
        var missing = views.Keys.First();
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            await db.Posts.Where(p => p.Id == missing).ExecuteUpdateAsync(s => s.SetProperty(p => p.MissingFullScans, new QualityOptions().UnseenAfterFullScans));
        }

        var grid = _context.Bunit.Render<PostsGrid>(p => p.Add(x => x.ProfileId, profile.Id));

        grid.WaitForAssertion(() => Assert.Equal(3, grid.FindAll("[data-testid=post-row]").Count), Deadline);
        var note = Assert.Single(grid.FindAll("[data-testid=post-not-seen]"));
        Assert.StartsWith("not seen since", note.TextContent.Trim(), StringComparison.Ordinal);
    }

    private static MonitoringLogView Log(long id, Guid profileId, DateTime at, SuspectReason? reason, int? observed, int? baseline) =>
        new(id, profileId, "someone", MonitoringStatus.Completed, MonitoringTrigger.Scheduled, 1, at, at, at, at.AddSeconds(5), 4, 90, 4, null, null,
            SuspectReason: reason, SuspectObserved: observed, SuspectBaseline: baseline);
}
