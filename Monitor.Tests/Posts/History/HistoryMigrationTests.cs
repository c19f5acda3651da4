using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

/// <summary>
/// The migration from the one-row-an-observation history to spans, on a database seeded in the old layout: every
/// observation (post, time to the millisecond, counters) reads back through the app's history, counts and sums equal.
/// </summary>
public abstract class HistoryMigrationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>
    where TDatabase : TestDatabase
{
    private static readonly DateTime Start = new(2026, 1, 20, 6, 0, 0, 123, DateTimeKind.Utc);

    [Fact]
    public async Task Migrate_SeededOldHistory_KeepsEveryObservationCountAndSum()
    {
        await using var db = database.CreateDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var spans = migrations.FindIndex(m => m.EndsWith("_PostHistorySpans", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[spans - 1]);
        var seeded = await SeedAsync(db);

        await db.GetService<IMigrator>().MigrateAsync();

        var read = (await db.PostMetricsHistory.AsNoTracking().ToListAsync())
            .Select(h => (h.PostId, At: Truncate(h.RecordedAt), h.Metrics)).OrderBy(o => o.PostId).ThenBy(o => o.At).ToList();
        Assert.Equal(seeded.Count, read.Count);
        Assert.Equal(seeded.Sum(o => o.Metrics.Views ?? 0), read.Sum(o => o.Metrics.Views ?? 0));
        Assert.Equal(seeded.Sum(o => o.Metrics.Likes ?? 0), read.Sum(o => o.Metrics.Likes ?? 0));
        Assert.Equal(seeded.OrderBy(o => o.PostId).ThenBy(o => o.At).ToList(), read);
        var closed = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM tiktok_post_history").SingleAsync();
        var open = await db.Database.SqlQueryRaw<long>("SELECT count(*) AS \"Value\" FROM tiktok_post_history_open").SingleAsync();
        Assert.Equal(20, open);
        Assert.True(closed + open < seeded.Count * 3 / 4, "Repeated observations should share spans.");
    }

    /// <summary>20 posts × 80 days (crossing three months): a post's counters change every fifth day and back the next;
    /// one counter is null for some posts.</summary>
    private static async Task<List<(long PostId, DateTime At, Core.Metrics.PostMetrics Metrics)>> SeedAsync(Monitor.Core.Data.MonitorDbContext db)
    {
        var now = Start.Date;
        var profile = new TiktokProfile { Handle = "history_migration", CreatedAt = now, UpdatedAt = now };
        db.Profiles.Add(profile);
        db.Posts.AddRange(Enumerable.Range(1, 20).Select(i => new TiktokPost
        {
            AwemeId = string.Create(CultureInfo.InvariantCulture, $"73{i:D17}"),
            ProfileId = profile.Id,
            FirstSeenAt = now,
            LastSeenAt = now,
        }));
        await db.SaveChangesAsync();
        var seeded = new List<(long, DateTime, Core.Metrics.PostMetrics)>();
        var postIds = await db.Posts.Select(p => p.Id).OrderBy(id => id).ToListAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        foreach (var postId in postIds)
        {
            for (var d = 0; d < 80; d++)
            {
                var metrics = new Core.Metrics.PostMetrics(1000 * postId + (d / 5 * 3) + ((postId + d) % 5 == 0 ? d : 0),
                    postId % 7 == 0 ? null : 10 * postId, 1, 2, 3);
                var at = Start.AddDays(d).AddSeconds(postId);
                var sql = string.Create(CultureInfo.InvariantCulture,
                    $"INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at) VALUES ({postId}, {metrics.Views}, {metrics.Likes?.ToString(CultureInfo.InvariantCulture) ?? "NULL"}, 1, 2, 3, {{0}})");
                await db.Database.ExecuteSqlRawAsync(sql, at);
                seeded.Add((postId, at, metrics));
            }
        }

        await transaction.CommitAsync();
        return seeded;
    }

    private static DateTime Truncate(DateTime at) => new(at.Ticks - (at.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
}

public sealed class PostgresHistoryMigrationTests(PostgresDatabase database) : HistoryMigrationTests<PostgresDatabase>(database);

public sealed class SqliteHistoryMigrationTests(SqliteDatabase database) : HistoryMigrationTests<SqliteDatabase>(database);
