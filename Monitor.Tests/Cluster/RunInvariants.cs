using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Tests.Cluster;

/// <summary>What must hold in the database after any mix of runs, crashes and outages, checked from the rows.</summary>
public static class RunInvariants
{
    /// <summary>No run is left pending or running; polls until then or fails with what is left.</summary>
    public static async Task WaitUntilSettledAsync(Func<MonitorDbContext> createDb, TimeSpan timeout, Func<string>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(createDb);
        var deadline = DateTime.UtcNow + timeout;
        List<MonitoringRun> open = [];
        while (DateTime.UtcNow < deadline)
        {
            await using var db = createDb();
            open = await db.Runs.AsNoTracking()
                .Where(l => l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running).ToListAsync();
            if (open.Count == 0)
            {
                return;
            }

            await Task.Delay(200);
        }

        Assert.Fail($"{open.Count} run(s) still open after {timeout}: "
            + string.Join(", ", open.Select(l => $"{l.Id} {l.Status} attempt {l.Attempt}")) + "\n" + diagnostics?.Invoke());
    }

    /// <summary>Runs of one profile never overlap: each starts after the previous one ended.</summary>
    public static async Task AssertNoOverlapAsync(MonitorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var logs = await db.Runs.AsNoTracking().Where(l => l.StartedAt != null).ToListAsync();
        foreach (var profile in logs.GroupBy(l => l.ProfileId))
        {
            var ordered = profile.OrderBy(l => l.StartedAt).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var (before, after) = (ordered[i - 1], ordered[i]);
                Assert.True(before.CompletedAt is { } end && after.StartedAt >= end,
                    $"Runs {before.Id} ({before.StartedAt:O}–{before.CompletedAt:O}) and {after.Id} (from {after.StartedAt:O}) of one profile overlap");
            }
        }
    }

    /// <summary>Every profile's totals equal the sums over its stored posts.</summary>
    public static async Task AssertTotalsMatchPostsAsync(MonitorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sums = await db.Posts.AsNoTracking().GroupBy(p => p.ProfileId).Select(g => new
        {
            ProfileId = g.Key,
            Posts = (long)g.Count(),
            Views = g.Sum(p => p.Metrics.Views ?? 0),
            Likes = g.Sum(p => p.Metrics.Likes ?? 0),
            Shares = g.Sum(p => p.Metrics.Shares ?? 0),
            Comments = g.Sum(p => p.Metrics.Comments ?? 0),
            Saves = g.Sum(p => p.Metrics.Saves ?? 0),
        }).ToDictionaryAsync(s => s.ProfileId);
        foreach (var profile in await db.Profiles.AsNoTracking().ToListAsync())
        {
            var sum = sums.GetValueOrDefault(profile.Id);
            Assert.Equal(
                (sum?.Posts ?? 0, sum?.Views ?? 0, sum?.Likes ?? 0, sum?.Shares ?? 0, sum?.Comments ?? 0, sum?.Saves ?? 0),
                (profile.TotalPosts, profile.Totals.Views ?? 0, profile.Totals.Likes ?? 0, profile.Totals.Shares ?? 0, profile.Totals.Comments ?? 0, profile.Totals.Saves ?? 0));
        }
    }

    /// <summary>Each written page is all or nothing: every stored post has as many snapshots as the page it came on was written.</summary>
    public static async Task AssertPagesWholeAsync(MonitorDbContext db, int postsPerPage)
    {
        ArgumentNullException.ThrowIfNull(db);
        var counts = await db.Posts.AsNoTracking()
            .Select(p => new { p.ProfileId, p.AwemeId, Snapshots = p.MetricsHistory.Count })
            .ToListAsync();
        // The synthetic feed numbers a page's posts consecutively: the posts of one page share all digits but the last two.
        foreach (var page in counts.GroupBy(c => (c.ProfileId, c.AwemeId[..^2])))
        {
            Assert.Equal(postsPerPage, page.Count());
            Assert.Single(page.Select(p => p.Snapshots).Distinct());
        }
    }
}
