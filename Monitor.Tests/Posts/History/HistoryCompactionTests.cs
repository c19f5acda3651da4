using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

/// <summary>
/// The compaction on a post observed every 6 hours (04, 10, 16, 22 UTC) for 400 days (counters changing every 18 hours, so spans carry repeats
/// and cross tiers): through the observations view afterwards, every observation younger than RawDays (90) is there, one
/// a day (the day's last) from 90 days back, one a week (the week's last, Monday to Sunday) for weeks wholly older than
/// WeeklyAfterDays (365). Days are UTC here (Monitoring:TimeZone default). A second pass changes nothing.
/// </summary>
public abstract class HistoryCompactionTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime RawFrom = new(2026, 9, 7); // 90 days before the 6th: its days are all kept
    private static readonly DateTime WeeklyBound = new(2025, 12, 6); // 365 days before: weeks ending by then keep one

    [Fact]
    public async Task Compact_EachTier_KeepsRawInsideRawDaysOneADayThenOneAWeek_AndASecondPassChangesNothing()
    {
        var (postId, seeded) = await SeedAsync("tiers", Now.AddDays(-400), Now);
        var compactor = Compactor(new HistoryOptions());

        var first = await compactor.RunAsync(CancellationToken.None);
        var afterFirst = await ReadAsync(postId);
        var second = await compactor.RunAsync(CancellationToken.None);
        var afterSecond = await ReadAsync(postId);

        Assert.True(first.SpansRewritten > 0);
        var expected = seeded
            .GroupBy(o => o.At.Date >= RawFrom ? (0, o.At) : WeekStart(o.At).AddDays(7) <= WeeklyBound ? (2, WeekStart(o.At)) : (1, o.At.Date))
            .Select(period => period.MaxBy(o => o.At))
            .OrderBy(o => o.At)
            .ToList();
        Assert.Equal(expected, afterFirst);
        Assert.Equal(4, afterFirst.Count(o => o.At.Date == RawFrom)); // 89 days ago: raw
        Assert.Equal([RawFrom.AddHours(-2)], afterFirst.Where(o => o.At.Date == RawFrom.AddDays(-1)).Select(o => o.At)); // 90: its last
        Assert.Single(afterFirst, o => o.At.Date == RawFrom.AddDays(-2)); // 91
        Assert.Single(afterFirst, o => o.At.Date == WeeklyBound.AddDays(-4)); // Tue 2 Dec 2025, 369 days: its week is not wholly past 365
        Assert.Equal([new DateTime(2025, 11, 30, 22, 0, 0)], afterFirst.Where(o => o.At >= new DateTime(2025, 11, 24) && o.At < new DateTime(2025, 12, 1)).Select(o => o.At));
        Assert.Equal(new HistoryCompactionResult(0, 0, 0, 1), second); // the month holding the raw boundary only
        Assert.Equal(afterFirst, afterSecond);
    }

    [Fact]
    public async Task Compact_Disabled_KeepsEveryObservation_AndClosesTheOpenSpanOfAPastHalfMonth()
    {
        var (postId, seeded) = await SeedAsync("untiered", Now.AddDays(-200), new DateTime(2026, 10, 10, 0, 0, 0, DateTimeKind.Utc));

        var result = await Compactor(new HistoryOptions { Compaction = false }).RunAsync(CancellationToken.None);

        Assert.Equal(seeded, await ReadAsync(postId));
        Assert.Equal(1, result.OpenSpansClosed);
        await using var db = database.CreateDbContext();
        Assert.False(await db.Set<PostHistoryOpenSpan>().AnyAsync(s => s.PostId == postId));
    }

    private HistoryCompactor Compactor(HistoryOptions options) =>
        new(database.ContextFactory, Options.Create(options), new ReportingTimeZone(TimeZoneInfo.Utc), new FakeTimeProvider(Now));

    private static DateTime WeekStart(DateTime at) => at.Date.AddDays(-(((int)at.DayOfWeek + 6) % 7));

    private async Task<(long PostId, List<(DateTime At, PostMetrics Metrics)> Seeded)> SeedAsync(string handle, DateTime from, DateTime to)
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = from, UpdatedAt = from };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        var post = new TiktokPost
        {
            AwemeId = string.Create(CultureInfo.InvariantCulture, $"74{handle.Length:D17}"),
            ProfileId = profile.Id,
            FirstSeenAt = from,
            LastSeenAt = to,
        };
        db.Posts.Add(post);
        await db.SaveChangesAsync();
        var seeded = Enumerable.Range(0, (int)((to - from).TotalHours / 6) + 1)
            .Select(i => (At: DateTime.SpecifyKind(from.AddHours(6 * i), DateTimeKind.Unspecified), Metrics: new PostMetrics(100 + (i / 3), i / 12, null, 3, null)))
            .ToList();
        await PostHistoryWriter.RecordAsync(db, seeded.Select(o => new TikTokPostMetricsHistory
        {
            PostId = post.Id,
            RecordedAt = DateTime.SpecifyKind(o.At, DateTimeKind.Utc),
            Metrics = o.Metrics,
        }));
        return (post.Id, seeded);
    }

    private async Task<List<(DateTime At, PostMetrics Metrics)>> ReadAsync(long postId)
    {
        await using var db = database.CreateDbContext();
        return [.. (await db.PostMetricsHistory.AsNoTracking().Where(h => h.PostId == postId).ToListAsync())
            .Select(h => (At: DateTime.SpecifyKind(h.RecordedAt, DateTimeKind.Unspecified), h.Metrics))
            .OrderBy(o => o.At)];
    }
}

public sealed class PostgresHistoryCompactionTests(PostgresDatabase database) : HistoryCompactionTests<PostgresDatabase>(database);

public sealed class SqliteHistoryCompactionTests(SqliteDatabase database) : HistoryCompactionTests<SqliteDatabase>(database);
