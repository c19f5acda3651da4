using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Posts.History;

/// <summary>The conversion of the old one-row-an-observation history into spans, on a seeded PostgreSQL database.</summary>
public sealed class HistoryConversionTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    private const string Observations = """
        SELECT h.post_id, date_trunc('milliseconds', h.first_at + o.ms * interval '1 millisecond') AS at, h.views, h.likes, h.shares, h.comments, h.saves
        FROM (SELECT * FROM tiktok_post_history UNION ALL SELECT * FROM tiktok_post_history_open) h
        CROSS JOIN LATERAL unnest(array_prepend(0, COALESCE(h.repeats, '{}'))) AS o(ms)
        """;

    private const string OldObservations = """
        SELECT post_id, date_trunc('milliseconds', recorded_at) AS at, views, likes, shares, comments, saves FROM tiktok_post_metrics_history
        """;

    [Fact]
    public async Task Convert_SeededHistory_KeepsEveryObservationCountAndSum()
    {
        await database.MigrateAsync();
        var posts = await SeedAsync();
        await using var db = database.CreateDbContext();
        var before = await TotalsAsync(db, OldObservations);

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.Database.ExecuteSqlRawAsync(HistoryStorageSql.PostgresTables);
            await db.Database.ExecuteSqlRawAsync(HistoryStorageSql.PostgresHalfMonth);
            foreach (var partition in HistoryPartitions.Between(new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 4, 30, 0, 0, 0, DateTimeKind.Utc)))
            {
                await db.Database.ExecuteSqlRawAsync(HistoryPartitions.CreateSql(partition));
            }

            await db.Database.ExecuteSqlRawAsync(HistoryStorageSql.PostgresConvert);
            await transaction.CommitAsync();
        }

        Assert.Equal(before, await TotalsAsync(db, Observations));
        Assert.Equal(0, await ScalarAsync(db, $"SELECT count(*) FROM (({Observations}) EXCEPT ALL ({OldObservations})) d"));
        Assert.Equal(0, await ScalarAsync(db, $"SELECT count(*) FROM (({OldObservations}) EXCEPT ALL ({Observations})) d"));
        Assert.Equal(posts, await ScalarAsync(db, "SELECT count(*) FROM tiktok_post_history_open"));
        Assert.Equal(0, await ScalarAsync(db, "SELECT count(*) FROM tiktok_post_history_default"));
        // The seed changes a post every fifth day and back the next: about 0.55 spans an observation.
        Assert.True(await ScalarAsync(db, "SELECT count(*) FROM tiktok_post_history") < before[0] * 3 / 4, "Repeated observations should share spans.");
    }

    /// <summary>20 posts × 80 days from 2026-01-20 (crossing three months): a post's counters change every fifth day, one
    /// counter is null for some posts, and one observation is stored twice at the same instant.</summary>
    private async Task<long> SeedAsync()
    {
        await using var db = database.CreateDbContext();
        var now = new DateTime(2026, 1, 20, 0, 0, 0, DateTimeKind.Utc);
        var profile = new TiktokProfile { Handle = "history_conversion", CreatedAt = now, UpdatedAt = now };
        db.Profiles.Add(profile);
        db.Posts.AddRange(Enumerable.Range(1, 20).Select(i => new TiktokPost { AwemeId = $"73{i:D17}", ProfileId = profile.Id, FirstSeenAt = now, LastSeenAt = now }));
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at)
            SELECT p.id, 1000 * p.id + (d / 5) * 3 + CASE WHEN (p.id + d) % 5 = 0 THEN d ELSE 0 END,
                   CASE WHEN p.id % 7 = 0 THEN NULL ELSE 10 * p.id END, 1, 2, 3,
                   timestamptz '2026-01-20 06:00:00.123456+00' + d * interval '1 day' + p.id * interval '1 second'
            FROM tiktok_posts p, generate_series(0, 79) d;
            INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at)
            SELECT post_id, views, likes, shares, comments, saves, recorded_at FROM tiktok_post_metrics_history ORDER BY id LIMIT 1;
            """);
        return 20;
    }

    private static async Task<long[]> TotalsAsync(DbContext db, string observations) =>
    [
        await ScalarAsync(db, $"SELECT count(*) FROM ({observations}) o"),
        await ScalarAsync(db, $"SELECT COALESCE(sum(views), 0) FROM ({observations}) o"),
        await ScalarAsync(db, $"SELECT COALESCE(sum(likes), 0) FROM ({observations}) o"),
        await ScalarAsync(db, $"SELECT COALESCE(sum(shares + comments + saves), 0) FROM ({observations}) o"),
    ];

    private static async Task<long> ScalarAsync(DbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
