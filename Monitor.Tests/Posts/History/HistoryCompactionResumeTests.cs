using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

/// <summary>
/// A compaction pass killed in the middle of its second post batch (after that batch's delete, before its insert and
/// commit) and then run again leaves exactly what one uninterrupted pass leaves on the same history; killed in a month
/// whose observations are all at one tier, it leaves the month unmarked, and the next pass finishes and marks it.
/// </summary>
public abstract class HistoryCompactionResumeTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private const int Posts = HistoryCompactor.BatchPosts + 100;
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Compact_KilledMidBatchThenRunAgain_EqualsAnUninterruptedPass()
    {
        await database.MigrateAsync();
        var seeded = await SeedAsync("killed");
        var kill = new KillOnSecondBatchDelete();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Compactor(Killing(kill)).RunAsync(CancellationToken.None));
        var afterKill = await ReadAsync("killed");
        await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);
        var resumed = await ReadAsync("killed");

        await SeedAsync("uninterrupted");
        await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);
        var uninterrupted = await ReadAsync("uninterrupted");

        Assert.Equal(2, kill.Deletes);
        Assert.True(afterKill[0].Count < seeded, "the first batch was compacted before the kill");
        Assert.Equal(seeded, afterKill[^1].Count); // the killed batch rolled back whole
        Assert.True(resumed[^1].Count < seeded);
        Assert.Equal(uninterrupted, resumed);
    }

    [Fact]
    public async Task Compact_KilledInTheMiddleOfAMonth_LeavesItUnmarked_AndTheNextPassFinishesAndMarksIt()
    {
        await SeedAsync("killed-month", new DateTime(2025, 8, 4, 0, 0, 0, DateTimeKind.Utc), 19);
        var kill = new KillOnSecondBatchDelete();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Compactor(Killing(kill)).RunAsync(CancellationToken.None));
        var markAfterKill = await MarkAsync(new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc));
        var resumed = await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);
        var third = await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);

        Assert.Null(markAfterKill);
        Assert.Equal(Posts - HistoryCompactor.BatchPosts, resumed.PostsCompacted); // the first batch was committed before the kill
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(new DateTime(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc)))?.Resolution);
        Assert.Equal(1, third.MonthsScanned); // only the month holding the raw boundary (never marked)
        await using var db = database.CreateDbContext();
        var kept = await db.PostMetricsHistory.Where(h => h.Post!.Profile!.Handle == "killed-month").GroupBy(h => h.PostId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(Posts, kept.Count);
        Assert.All(kept, count => Assert.Equal(1, count)); // Mon 4 to Sun 10 Aug 2025: one ISO week, its last observation
    }

    private async Task<HistoryCompactionMark?> MarkAsync(DateTime month)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<HistoryCompactionMark>().SingleOrDefaultAsync(m => m.Month == month);
    }

    private static HistoryCompactor Compactor(IDbContextFactory<MonitorDbContext> contexts) =>
        new(contexts, Options.Create(new HistoryOptions()), new ReportingTimeZone(TimeZoneInfo.Utc), new FakeTimeProvider(Now));

    private Factory Killing(KillOnSecondBatchDelete kill) => database.Provider == DatabaseProvider.Postgres
        ? new Factory(() => new PostgresMonitorDbContext(With<PostgresMonitorDbContext>(kill)))
        : new Factory(() => new SqliteMonitorDbContext(With<SqliteMonitorDbContext>(kill)));

    private DbContextOptions<TContext> With<TContext>(IInterceptor interceptor)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>(database.Services.GetRequiredService<DbContextOptions<TContext>>()).AddInterceptors(interceptor).Options;

    /// <summary><see cref="Posts"/> posts observed every 8 hours from <paramref name="from"/> (by default 96 to 84 days ago), counters changing every 16 hours.</summary>
    /// <returns>The observations seeded a post.</returns>
    private async Task<int> SeedAsync(string handle, DateTime? from = null, int observations = 37)
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        var first = from ?? Now.AddDays(-96);
        var profile = new TiktokProfile { Handle = handle, CreatedAt = first, UpdatedAt = first };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        var posts = Enumerable.Range(0, Posts).Select(i => new TiktokPost
        {
            AwemeId = string.Create(CultureInfo.InvariantCulture, $"7{handle.Length:D2}{i:D16}"),
            ProfileId = profile.Id,
            FirstSeenAt = first,
            LastSeenAt = Now,
        }).ToList();
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
        var times = Enumerable.Range(0, observations).Select(k => first.AddHours(8 * k)).ToList();
        await PostHistoryWriter.RecordAsync(db, posts.SelectMany((post, i) => times.Select((at, k) => new TikTokPostMetricsHistory
        {
            PostId = post.Id,
            RecordedAt = at,
            Metrics = new PostMetrics(1_000 + i + (k / 2), k / 6, null, 2, null),
        })));
        return times.Count;
    }

    /// <summary>Each post's observations (time and counters) in post order.</summary>
    private async Task<List<List<(DateTime At, PostMetrics Metrics)>>> ReadAsync(string handle)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.PostMetricsHistory.AsNoTracking().Where(h => h.Post!.Profile!.Handle == handle)
            .Select(h => new { h.Post!.AwemeId, h.RecordedAt, h.Metrics }).ToListAsync();
        return [.. rows.GroupBy(r => r.AwemeId[3..]).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Select(r => (At: DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc), r.Metrics)).OrderBy(o => o.At).ToList())];
    }

    private sealed class Factory(Func<MonitorDbContext> create) : IDbContextFactory<MonitorDbContext>
    {
        public MonitorDbContext CreateDbContext() => create();
    }

    /// <summary>Lets the first batch's delete of closed spans run, and kills the pass at the second's, as a crash between statements would.</summary>
    private sealed class KillOnSecondBatchDelete : DbCommandInterceptor
    {
        public int Deletes { get; private set; }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
                && !command.CommandText.Contains(HistoryStorageSql.OpenTable, StringComparison.Ordinal) && ++Deletes == 2)
            {
                throw new OperationCanceledException("killed mid-batch");
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class PostgresHistoryCompactionResumeTests(PostgresDatabase database) : HistoryCompactionResumeTests<PostgresDatabase>(database);

public sealed class SqliteHistoryCompactionResumeTests(SqliteDatabase database) : HistoryCompactionResumeTests<SqliteDatabase>(database);
