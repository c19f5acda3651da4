using System.Data.Common;
using System.Globalization;
using System.Text.RegularExpressions;
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
/// and not read again. (A pass killed in a month: <see cref="HistoryCompactionResumeTests{TDatabase}"/>.)
/// </summary>
public abstract class HistoryCompactionMarkTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Now = new(2026, 12, 6, 10, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime October = new(2025, 10, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime November = new(2025, 11, 1, 0, 0, 0, DateTimeKind.Utc);

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
        Assert.Equal(new HistoryCompactionResult(0, 0, 0, 1), second); // the month holding the raw boundary: no post there
        Assert.Equal(readsInFirst, reads.Reads);
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(October))?.Resolution);
        Assert.Equal(HistoryResolution.Weekly, (await MarkAsync(November))?.Resolution);
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
            // PostgreSQL leaves lower-case names unquoted, SQLite quotes them: match the bare words.
            if (command.CommandText.Contains("repeats", StringComparison.Ordinal)
                && Regex.IsMatch(command.CommandText, $@"\b{HistoryStorageSql.Table}\b"))
            {
                Reads++;
            }

            return ValueTask.FromResult(result);
        }
    }
}

public sealed class PostgresHistoryCompactionMarkTests(PostgresDatabase database) : HistoryCompactionMarkTests<PostgresDatabase>(database);

public sealed class SqliteHistoryCompactionMarkTests(SqliteDatabase database) : HistoryCompactionMarkTests<SqliteDatabase>(database);
