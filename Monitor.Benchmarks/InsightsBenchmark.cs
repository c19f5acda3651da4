using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Insights;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Insights.Leaderboards;
using Monitor.Core.Insights.SameAge;
using Monitor.Core.Posts;

namespace Monitor.Benchmarks;

/// <summary>
/// The insight queries over a group-sized set of profiles (20 × 1,000 posts × 30 snapshots at full size), as a group's
/// compare page would ask them: median ms of each over the rounds.
/// </summary>
internal sealed class InsightsBenchmark(BenchmarkSettings settings)
{
    public int Profiles => settings.Smoke ? 3 : 20;

    public int PostsPerProfile => settings.Smoke ? 100 : 1_000;

    public int Snapshots => settings.Smoke ? 5 : 30;

    public async Task<IReadOnlyList<(string Query, double MedianMs)>> RunAsync(BenchDatabase database)
    {
        var ids = await SeedAsync(database);
        var all = InsightPeriod.AllTime;
        var zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        (string, Func<Task>)[] queries =
        [
            ("engagement, last 30 posts", () => database.Get<EngagementQuery>().ForProfilesAsync(ids, EngagementWindow.Last30, CancellationToken.None)),
            ("engagement, all posts", () => database.Get<EngagementQuery>().ForProfilesAsync(ids, EngagementWindow.Of(all), CancellationToken.None)),
            ("views at the same age (24 h, 7 d)", () => database.Get<SameAgeQuery>().MediansAsync(ids, all, CancellationToken.None)),
            ("best-time heatmap (Europe/Berlin)", () => database.Get<BestTimeQuery>().HeatmapAsync(ids, all, zone, excludeAds: true, CancellationToken.None)),
            ("hashtag leaderboard", () => database.Get<LeaderboardQuery>().HashtagsAsync(ids, all, CancellationToken.None)),
            ("sound leaderboards", () => database.Get<LeaderboardQuery>().SoundsAsync(ids, all, CancellationToken.None)),
        ];
        var result = new List<(string, double)>();
        foreach (var (name, query) in queries)
        {
            await query();
            var times = new List<double>();
            for (var round = 0; round < settings.Rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                await query();
                times.Add(stopwatch.Elapsed.TotalMilliseconds);
            }

            result.Add((name, Rounds.Median(times)));
        }

        return result;
    }

    /// <summary>Posts through the ingest path, then their history set-based: a snapshot every 8 hours from posting.</summary>
    private async Task<Guid[]> SeedAsync(BenchDatabase database)
    {
        var ingestor = database.Get<PostIngestor>();
        var ids = new Guid[Profiles];
        for (var profile = 0; profile < Profiles; profile++)
        {
            ids[profile] = await database.AddProfileAsync($"bench_insights_{profile}");
            var posts = Posts.Make(PostsPerProfile, 7_600_000_000_000_000_000 + (profile * 100_000L))
                .Select((p, i) => Posts.AsOnAFeedPage(p, i) with { PostedAt = DateTime.UnixEpoch.AddSeconds(1_700_000_000 + (i * 25_200L) + (profile * 600L)) })
                .ToList();
            await ingestor.IngestAsync(ids[profile], posts, DateTime.UtcNow, CancellationToken.None);
        }

        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        var recordedAt = database.Provider == DatabaseProvider.Postgres
            ? "p.posted_at + n.k * interval '8 hours'"
            : "datetime(p.posted_at, '+' || (n.k * 8) || ' hours')";
        // The ingest recorded today's observation; the seeded history replaces it.
        const string Seeded = "SELECT p.id FROM tiktok_posts p JOIN tiktok_profiles f ON f.id = p.profile_id WHERE f.handle LIKE 'bench_insights_%'";
        await db.Database.ExecuteSqlRawAsync("DELETE FROM tiktok_post_history_open WHERE post_id IN (" + Seeded + ")");
        await db.Database.ExecuteSqlRawAsync("DELETE FROM tiktok_post_history WHERE post_id IN (" + Seeded + ")");
        // Every snapshot's views differ from the previous one: each is a span of its own, the newest the open one.
        foreach (var (table, which) in new[] { ("tiktok_post_history", $"n.k < {Snapshots}"), ("tiktok_post_history_open", $"n.k = {Snapshots}") })
        {
            var sql = $"""
                WITH RECURSIVE n(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM n WHERE k < {Snapshots})
                INSERT INTO {table} (post_id, views, likes, shares, comments, saves, first_at)
                SELECT p.id, p.views * n.k / {Snapshots}, p.likes, p.shares, p.comments, p.saves, {recordedAt}
                FROM tiktok_posts p CROSS JOIN n WHERE {which}
                """;
            await db.Database.ExecuteSqlRawAsync(sql);
        }

        await db.Database.ExecuteSqlRawAsync("ANALYZE");
        return ids;
    }
}
