using Microsoft.Data.Sqlite;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// The layout docs/history-storage.md proposes, written by hand beside the app's so the same observations can be
/// weighed in both: one row per post and run of identical counters (keyed by the post and the first observation's
/// time, no surrogate key, no run id), later identical observations appended as millisecond offsets (PostgreSQL
/// int4[], SQLite a JSON array); a new row when the counters change, the month changes or the offset would overflow.
/// PostgreSQL: partitioned by month on the first observation's time, default fill factor (measured smaller than 90, 80 or 65).
/// </summary>
internal static class HistorySpanPrototype
{
    public const string Table = "proto_post_spans";

    private const string PostgresCreate = $"""
        CREATE TABLE {Table} (
            post_id bigint NOT NULL, first_at timestamptz NOT NULL,
            views bigint, likes bigint, shares bigint, comments bigint, saves bigint,
            repeats int4[],
            PRIMARY KEY (post_id, first_at)) PARTITION BY RANGE (first_at);
        CREATE TABLE {Table}_2026_03 PARTITION OF {Table} FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
        CREATE TABLE {Table}_2026_04 PARTITION OF {Table} FOR VALUES FROM ('2026-04-01') TO ('2026-05-01');
        """;

    private const string SqliteCreate = $"""
        CREATE TABLE {Table} (
            post_id INTEGER NOT NULL, first_at TEXT NOT NULL,
            views INTEGER, likes INTEGER, shares INTEGER, comments INTEGER, saves INTEGER,
            repeats TEXT,
            PRIMARY KEY (post_id, first_at)) WITHOUT ROWID
        """;

    /// <summary>One page: append where the post's open row (this month, offset in range) has the same counters, else insert.</summary>
    private const string PostgresPage = $"""
        WITH page AS (
            SELECT * FROM unnest(@post_id, @views, @likes, @shares, @comments, @saves) AS u(post_id, views, likes, shares, comments, saves)
        ), open AS (
            SELECT p.post_id, o.first_at,
                   (o.first_at IS NOT NULL AND (p.views, p.likes, p.shares, p.comments, p.saves)
                        IS NOT DISTINCT FROM (o.views, o.likes, o.shares, o.comments, o.saves)) AS same
            FROM page p
            LEFT JOIN LATERAL (
                SELECT h.first_at, h.views, h.likes, h.shares, h.comments, h.saves FROM {Table} h
                WHERE h.post_id = p.post_id AND h.first_at >= @month_start AND h.first_at > @at - interval '24 days'
                ORDER BY h.first_at DESC LIMIT 1) o ON true
        ), appended AS (
            UPDATE {Table} h SET repeats = array_append(h.repeats, (extract(epoch FROM @at - h.first_at) * 1000)::int4)
            FROM open o
            WHERE o.same AND h.post_id = o.post_id AND h.first_at = o.first_at AND h.first_at >= @month_start
        )
        INSERT INTO {Table} (post_id, first_at, views, likes, shares, comments, saves)
        SELECT p.post_id, @at, p.views, p.likes, p.shares, p.comments, p.saves
        FROM page p JOIN open o USING (post_id) WHERE NOT o.same
        """;

    private const string SqliteOpen = $"""
        SELECT first_at, views IS $views AND likes IS $likes AND shares IS $shares AND comments IS $comments AND saves IS $saves
        FROM {Table} WHERE post_id = $post_id AND first_at >= $month_start AND first_at > $window_start
        ORDER BY first_at DESC LIMIT 1
        """;

    private const string SqliteAppend = $"""
        UPDATE {Table} SET repeats = json_insert(COALESCE(repeats, '[]'), '$[#]', $offset) WHERE post_id = $post_id AND first_at = $first_at
        """;

    private const string SqliteInsert = $"""
        INSERT INTO {Table} (post_id, first_at, views, likes, shares, comments, saves)
        VALUES ($post_id, $at, $views, $likes, $shares, $comments, $saves)
        """;

    public static async Task CreateAsync(BenchDatabase database)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(PostgresCreate, connection);
            await command.ExecuteNonQueryAsync();
            return;
        }

        await using var sqlite = new SqliteConnection(database.Settings.ConnectionString);
        await sqlite.OpenAsync();
        await using var create = new SqliteCommand(SqliteCreate, sqlite);
        await create.ExecuteNonQueryAsync();
    }

    /// <summary>Writes one page of observations (post ids and counters) seen at <paramref name="at"/>; the run is found by its time window.</summary>
    public static Task WritePageAsync(BenchDatabase database, IReadOnlyList<(long PostId, PostSnapshot Post)> page, DateTime at) =>
        database.Provider == DatabaseProvider.Postgres ? PostgresPageAsync(database, page, at) : SqlitePageAsync(database, page, at);

    private static async Task PostgresPageAsync(BenchDatabase database, IReadOnlyList<(long PostId, PostSnapshot Post)> page, DateTime at)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(PostgresPage, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]>("post_id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. page.Select(p => p.PostId)] });
        foreach (var (name, value) in Counters)
        {
            command.Parameters.Add(new NpgsqlParameter<long?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. page.Select(p => value(p.Post))] });
        }

        command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("month_start", NpgsqlDbType.TimestampTz) { TypedValue = MonthStart(at) });
        await command.ExecuteNonQueryAsync();
    }

    private static async Task SqlitePageAsync(BenchDatabase database, IReadOnlyList<(long PostId, PostSnapshot Post)> page, DateTime at)
    {
        await using var sqlite = new SqliteConnection(database.Settings.ConnectionString);
        await sqlite.OpenAsync();
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        foreach (var (postId, post) in page)
        {
            string? openFirst = null;
            var same = false;
            await using (var open = Command(sqlite, transaction, SqliteOpen, postId, post, at))
            await using (var reader = await open.ExecuteReaderAsync())
            {
                if (await reader.ReadAsync())
                {
                    openFirst = reader.GetString(0);
                    same = reader.GetBoolean(1);
                }
            }

            if (same)
            {
                await using var append = Command(sqlite, transaction, SqliteAppend, postId, post, at);
                append.Parameters.AddWithValue("$first_at", openFirst);
                append.Parameters.AddWithValue("$offset", (long)(at - DateTime.Parse(openFirst!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal)).TotalMilliseconds);
                await append.ExecuteNonQueryAsync();
            }
            else
            {
                await using var insert = Command(sqlite, transaction, SqliteInsert, postId, post, at);
                await insert.ExecuteNonQueryAsync();
            }
        }

        await transaction.CommitAsync();
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, long postId, PostSnapshot post, DateTime at)
    {
        var command = new SqliteCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("$post_id", postId);
        foreach (var (name, value) in Counters)
        {
            command.Parameters.AddWithValue("$" + name, (object?)value(post) ?? DBNull.Value);
        }

        command.Parameters.AddWithValue("$at", Text(at));
        command.Parameters.AddWithValue("$month_start", Text(MonthStart(at)));
        command.Parameters.AddWithValue("$window_start", Text(at.AddDays(-24)));
        return command;
    }

    private static readonly (string Name, Func<PostSnapshot, long?> Value)[] Counters =
    [
        ("views", p => p.Metrics.Views), ("likes", p => p.Metrics.Likes), ("shares", p => p.Metrics.Shares),
        ("comments", p => p.Metrics.Comments), ("saves", p => p.Metrics.Saves),
    ];

    /// <summary>EF Core's SQLite text form of a DateTime, so the prototype's keys sort as the app's do.</summary>
    private static string Text(DateTime at) => at.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture);

    private static DateTime MonthStart(DateTime at) => new(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc);
}
