using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audience;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Groups.Compare;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Benchmarks;

/// <summary>
/// The compare page's and API's work (<see cref="GroupCompareService.CompareAsync"/>) for a group of
/// <see cref="BenchmarkSettings.CompareProfiles"/> profiles × <see cref="BenchmarkSettings.ComparePosts"/> posts with
/// <see cref="BenchmarkSettings.CompareSnapshots"/> snapshots each, over the default 30-day period: p95 ms over repeated
/// comparisons. Beside it, the limit: one hand-written statement that reads the same group's posts of the period once.
/// </summary>
internal sealed class CompareBenchmark(BenchmarkSettings settings)
{
    private const string OneScan = """
        SELECT p.profile_id, count(*), sum(p.views)
        FROM profile_group_members m JOIN tiktok_posts p ON p.profile_id = m.profile_id
        WHERE m.group_id = {0} AND p.posted_at >= {1} AND p.posted_at < {2}
        GROUP BY p.profile_id
        """;

    public async Task<(double AppP95, double LimitP95)> RunAsync(BenchDatabase database)
    {
        var (groupId, period) = await SeedAsync(database);
        var compare = database.Get<GroupCompareService>();
        var factory = database.Get<IDbContextFactory<MonitorDbContext>>();
        Check(await compare.CompareAsync(groupId, period, CancellationToken.None));
        await ScanAsync(factory, groupId, period);

        var app = new List<double>();
        var limit = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var appTimes = new List<double>();
            var limitTimes = new List<double>();
            for (var i = 0; i < settings.CompareRequests; i++)
            {
                appTimes.Add((await Rounds.TimeAsync(() => compare.CompareAsync(groupId, period, CancellationToken.None))).TotalMilliseconds);
                limitTimes.Add((await Rounds.TimeAsync(() => ScanAsync(factory, groupId, period))).TotalMilliseconds);
            }

            app.Add(Rounds.Percentile(appTimes, 95));
            limit.Add(Rounds.Percentile(limitTimes, 95));
        }

        return (Rounds.Median(app), Rounds.Median(limit));
    }

    private static async Task ScanAsync(IDbContextFactory<MonitorDbContext> factory, Guid groupId, ComparePeriod period)
    {
        await using var db = await factory.CreateDbContextAsync();
        _ = await db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM (" + OneScan + ") x", groupId, period.StartUtc, period.EndUtc)
            .ToListAsync();
    }

    /// <summary>The result must have the benchmark's shape, or the timing would be of something else.</summary>
    private void Check(GroupComparison? result)
    {
        if (result is null || result.Rows.Count != settings.CompareProfiles || result.Rows.Any(r => r.Posts == 0 || r.MedianViews is null || r.BestPost is null || r.Credits == 0
            || r.Followers is null || r.MedianEngagementRate is null)
            || result.Growth.Count == 0 || result.Growth.Any(g => g.Series.Any(s => s.Points.Count == 0)))
        {
            throw new InvalidOperationException("The comparison does not have the seeded shape: every profile with posts, medians, a best post, credits, followers, an engagement rate and growth lines.");
        }
    }

    private async Task<(Guid GroupId, ComparePeriod Period)> SeedAsync(BenchDatabase database)
    {
        var zone = database.Get<ReportingTimeZone>();
        var now = DateTime.UtcNow;
        var (period, _, _) = ComparePeriod.Create(null, null, zone, now);
        var created = await database.Get<GroupService>().CreateAsync("bench group", null, CancellationToken.None);
        var groupId = created.Group!.Id;
        var ingestor = database.Get<PostIngestor>();
        var stopwatch = Stopwatch.StartNew();
        for (var p = 0; p < settings.CompareProfiles; p++)
        {
            var profileId = await database.AddProfileAsync(string.Create(CultureInfo.InvariantCulture, $"bench_compare_{p}"));
            await database.Get<GroupMembership>().PutAsync(groupId, profileId, p == 0 ? true : null, CancellationToken.None);
            // Posts spread over twice the period, so about half are in it; each snapshot a day apart, views growing.
            for (var snapshot = 0; snapshot < settings.CompareSnapshots; snapshot++)
            {
                var observedAt = now.AddDays(snapshot - settings.CompareSnapshots).AddMinutes(p);
                await ingestor.IngestAsync(profileId, MakePosts(p, now, snapshot), observedAt, CancellationToken.None);
            }

            await SeedTotalsAndCreditsAsync(database, profileId, now, zone);
        }

        await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"compare: seeded {settings.CompareProfiles} profiles × {settings.ComparePosts} posts × {settings.CompareSnapshots} snapshots on {database.Name} in {stopwatch.Elapsed.TotalSeconds:0.0} s"));
        return (groupId, period!);
    }

    private List<PostSnapshot> MakePosts(int profile, DateTime now, int snapshot)
    {
        var spread = TimeSpan.FromDays(2 * ComparePeriod.DefaultDays).Ticks / settings.ComparePosts;
        return [.. Enumerable.Range(0, settings.ComparePosts).Select(i =>
        {
            var id = 7_800_000_000_000_000_000L + ((long)profile * 1_000_000) + i;
            return new PostSnapshot
            {
                AwemeId = id.ToString(CultureInfo.InvariantCulture),
                Description = $"Compare post {i} #bench",
                PostedAt = now.AddTicks(-spread * (i + 1)),
                CoverUrl = $"https://example.invalid/cover/{id}.jpeg",
                ShareUrl = $"https://www.tiktok.com/@bench/video/{id}",
                Metrics = new PostMetrics(Views: (((i * 7919L) + profile) % 100_000) + (snapshot * 10), Likes: i, Shares: i % 7, Comments: i % 11, Saves: i % 13),
            };
        })];
    }

    private async Task SeedTotalsAndCreditsAsync(BenchDatabase database, Guid profileId, DateTime now, ReportingTimeZone zone)
    {
        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        for (var day = 0; day < settings.CompareSnapshots; day++)
        {
            var at = now.AddDays(day - settings.CompareSnapshots + 1).AddMinutes(-5);
            db.ProfileMetricsHistory.Add(new ProfileMetricsHistory
            {
                ProfileId = profileId,
                RecordedAt = at,
                TotalPosts = settings.ComparePosts,
                Totals = PostMetrics.From(m => 1_000_000L + (day * 10_000L)),
            });
            db.Set<CreditLedgerEntry>().Add(new CreditLedgerEntry
            {
                At = at,
                Day = zone.DayOf(at),
                ProfileId = profileId,
                Endpoint = "/v3/tiktok/profile/videos",
                StatusCode = 200,
                Credits = 1 + (day % 3),
            });
            db.AccountHistory.Add(new ProfileAccountSnapshot
            {
                ProfileId = profileId,
                RecordedAt = at,
                FollowerCount = 50_000L + (day * 250L),
                Source = AccountSnapshotSource.FeedAuthor,
            });
        }

        await db.SaveChangesAsync();
    }
}
