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
/// The months marked done: a month all of whose observations are past a year old is compacted to weekly once, marked,
/// and not read again; a pass killed in the middle of a month leaves it unmarked, and the next pass finishes and marks it.
/// The two tests use different months, so that either can run first on the class's database.
/// </summary>
public abstract class HistoryCompactionMarkTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime October = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime November = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime August = new(2025, 8, 1, 0, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task Compact_SecondPass_ReadsNoSpanOfAMonthMarkedDone()
    {
        await SeedAsync("marked", 1, new DateTime(2025, 10, 2, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 11, 21, 0, 0, 0, DateTimeKind.Utc));
        var reads = new CountSpanReads();

        var first = await Compactor(Counting(reads)).RunAsync(CancellationToken.None);
        var readsInFirst = reads.Reads;
        var second = await Compactor(Counting(reads)).RunAsync(CancellationToken.None);

        Assert.True(first.SpansRewritten > 0);
        Assert.True(readsInFirst > 0);
        Assert.Equal(new HistoryCompactionResult(0, 0, 0, 0), second);
        Assert.Equal(readsInFirst, reads.Reads);
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(October))?.Resolution);
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(November))?.Resolution);
    }

    [Fact]
    public async Task Compact_KilledInTheMiddleOfAMonth_LeavesItUnmarked_AndTheNextPassFinishesAndMarksIt()
    {
        var posts = HistoryCompactor.BatchPosts + 100;
        await SeedAsync("killed-month", posts, new DateTime(2025, 8, 4, 0, 0, 0, DateTimeKind.Utc), new DateTime(2025, 8, 10, 16, 0, 0, DateTimeKind.Utc));
        var kill = new KillOnSecondBatchDelete();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Compactor(Killing(kill)).RunAsync(CancellationToken.None));
        var markAfterKill = await MarkAsync(August);
        var resumed = await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);
        var third = await Compactor(database.ContextFactory).RunAsync(CancellationToken.None);

        Assert.Null(markAfterKill);
        Assert.Equal(posts - HistoryCompactor.BatchPosts, resumed.PostsCompacted); // the first batch was committed before the kill
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(August))?.Resolution);
        Assert.Equal(0, third.MonthsScanned);
        await using var db = database.CreateDbContext();
        var kept = await db.PostMetricsHistory.Where(h => h.Post!.Profile!.Handle == "killed-month").GroupBy(h => h.PostId).Select(g => g.Count()).ToListAsync();
        Assert.Equal(posts, kept.Count);
        Assert.All(kept, count => Assert.Equal(1, count)); // Mon 4 to Sun 10 Aug 2025: one ISO week, its last observation
    }

    private static HistoryCompactor Compactor(IDbContextFactory<MonitorDbContext> contexts) =>
        new(contexts, Options.Create(new HistoryOptions()), new ReportingTimeZone(TimeZoneInfo.Utc), new FakeTimeProvider(Now));

    private async Task<HistoryCompactionMark?> MarkAsync(DateTime month)
    {
        await using var db = database.CreateDbContext();
        return await db.Set<HistoryCompactionMark>().SingleOrDefaultAsync(m => m.Month == month);
    }

    private Factory Counting(IInterceptor interceptor) => database.Provider == DatabaseProvider.Postgres
        ? new Factory(() => new PostgresMonitorDbContext(With<PostgresMonitorDbContext>(interceptor)))
        : new Factory(() => new SqliteMonitorDbContext(With<SqliteMonitorDbContext>(interceptor)));

    private Factory Killing(KillOnSecondBatchDelete kill) => Counting(kill);

    private DbContextOptions<TContext> With<TContext>(IInterceptor interceptor)
        where TContext : DbContext =>
        new DbContextOptionsBuilder<TContext>(database.Services.GetRequiredService<DbContextOptions<TContext>>()).AddInterceptors(interceptor).Options;

    /// <summary><paramref name="count"/> posts observed every 8 hours from <paramref name="from"/> to <paramref name="to"/>, counters changing every 16 hours.</summary>
    private async Task SeedAsync(string handle, int count, DateTime from, DateTime to)
    {
        await database.MigrateAsync();
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = from, UpdatedAt = from };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        var posts = Enumerable.Range(0, count).Select(i => new TiktokPost
        {
            AwemeId = string.Create(CultureInfo.InvariantCulture, $"75{handle.Length:D2}{i:D15}"),
            ProfileId = profile.Id,
            FirstSeenAt = from,
            LastSeenAt = to,
        }).ToList();
        db.Posts.AddRange(posts);
        await db.SaveChangesAsync();
        var times = Enumerable.Range(0, (int)((to - from).TotalHours / 8) + 1).Select(k => from.AddHours(8 * k)).ToList();
        await PostHistoryWriter.RecordAsync(db, posts.SelectMany((post, i) => times.Select((at, k) => new TikTokPostMetricsHistory
        {
            PostId = post.Id,
            RecordedAt = at,
            Metrics = new PostMetrics(1_000 + i + (k / 2), k / 6, null, 2, null),
        })));
    }

    private sealed class Factory(Func<MonitorDbContext> create) : IDbContextFactory<MonitorDbContext>
    {
        public MonitorDbContext CreateDbContext() => create();
    }

    /// <summary>Counts the queries that read spans (their repeats), as against the months' and marks' lookups.</summary>
    private sealed class CountSpanReads : DbCommandInterceptor
    {
        public int Reads { get; private set; }

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.Contains(".repeats", StringComparison.Ordinal)
                && command.CommandText.Contains($"\"{HistoryStorageSql.Table}\"", StringComparison.Ordinal))
            {
                Reads++;
            }

            return ValueTask.FromResult(result);
        }
    }

    /// <summary>Lets the first batch's delete of closed spans run, and kills the pass at the second's.</summary>
    private sealed class KillOnSecondBatchDelete : DbCommandInterceptor
    {
        private int _deletes;

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            if (command.CommandText.TrimStart().StartsWith("DELETE", StringComparison.OrdinalIgnoreCase)
                && !command.CommandText.Contains(HistoryStorageSql.OpenTable, StringComparison.Ordinal) && ++_deletes == 2)
            {
                throw new OperationCanceledException("killed mid-month");
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class PostgresHistoryCompactionMarkTests(PostgresDatabase database) : HistoryCompactionMarkTests<PostgresDatabase>(database);

public sealed class SqliteHistoryCompactionMarkTests(SqliteDatabase database) : HistoryCompactionMarkTests<SqliteDatabase>(database);
