using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// The append-only variant of <see cref="HistorySpanPrototype"/> (PostgreSQL): a post's current run of identical
/// counters lives in one small row a post (<c>..._open</c>, rewritten each run like the post's own row), and only when it
/// closes (the counters change, the month changes, or the offset would overflow) is it inserted, final, into the
/// monthly partitioned history, which is therefore insert-only: no dead row versions, no update churn.
/// </summary>
internal static class HistoryOpenSpanPrototype
{
    public const string Table = "proto_post_closed";

    private const string Create = $"""
        CREATE TABLE {Table} (
            post_id bigint NOT NULL, first_at timestamptz NOT NULL,
            views bigint, likes bigint, shares bigint, comments bigint, saves bigint,
            repeats int4[],
            PRIMARY KEY (post_id, first_at)) PARTITION BY RANGE (first_at);
        CREATE TABLE {Table}_2026_03 PARTITION OF {Table} FOR VALUES FROM ('2026-03-01') TO ('2026-04-01');
        CREATE TABLE {Table}_2026_04 PARTITION OF {Table} FOR VALUES FROM ('2026-04-01') TO ('2026-05-01');
        CREATE TABLE {Table}_open (
            post_id bigint PRIMARY KEY, first_at timestamptz NOT NULL,
            views bigint, likes bigint, shares bigint, comments bigint, saves bigint,
            repeats int4[]);
        """;

    private const string Page = $"""
        WITH page AS (
            SELECT * FROM unnest(@post_id, @views, @likes, @shares, @comments, @saves) AS u(post_id, views, likes, shares, comments, saves)
        ), current AS (
            SELECT p.post_id, o.post_id IS NOT NULL AS known,
                   (o.post_id IS NOT NULL AND o.first_at >= @month_start AND o.first_at > @at - interval '24 days'
                    AND (p.views, p.likes, p.shares, p.comments, p.saves)
                        IS NOT DISTINCT FROM (o.views, o.likes, o.shares, o.comments, o.saves)) AS same
            FROM page p LEFT JOIN {Table}_open o USING (post_id)
        ), closed AS (
            INSERT INTO {Table} (post_id, first_at, views, likes, shares, comments, saves, repeats)
            SELECT o.post_id, o.first_at, o.views, o.likes, o.shares, o.comments, o.saves, o.repeats
            FROM {Table}_open o JOIN current c USING (post_id) WHERE c.known AND NOT c.same
        )
        INSERT INTO {Table}_open AS o (post_id, first_at, views, likes, shares, comments, saves)
        SELECT post_id, @at, views, likes, shares, comments, saves FROM page
        ON CONFLICT (post_id) DO UPDATE SET
            repeats = CASE WHEN (SELECT c.same FROM current c WHERE c.post_id = o.post_id)
                           THEN array_append(o.repeats, (extract(epoch FROM @at - o.first_at) * 1000)::int4) END,
            first_at = CASE WHEN (SELECT c.same FROM current c WHERE c.post_id = o.post_id) THEN o.first_at ELSE excluded.first_at END,
            views = excluded.views, likes = excluded.likes, shares = excluded.shares, comments = excluded.comments, saves = excluded.saves
        """;

    public static async Task CreateAsync(BenchDatabase database)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Create, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static async Task WritePageAsync(BenchDatabase database, IReadOnlyList<(long PostId, PostSnapshot Post)> page, DateTime at)
    {
        await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(Page, connection);
        command.Parameters.Add(new NpgsqlParameter<long[]>("post_id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. page.Select(p => p.PostId)] });
        command.Parameters.Add(Counter("views", page, p => p.Metrics.Views));
        command.Parameters.Add(Counter("likes", page, p => p.Metrics.Likes));
        command.Parameters.Add(Counter("shares", page, p => p.Metrics.Shares));
        command.Parameters.Add(Counter("comments", page, p => p.Metrics.Comments));
        command.Parameters.Add(Counter("saves", page, p => p.Metrics.Saves));
        command.Parameters.Add(new NpgsqlParameter<DateTime>("at", NpgsqlDbType.TimestampTz) { TypedValue = at });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("month_start", NpgsqlDbType.TimestampTz) { TypedValue = new DateTime(at.Year, at.Month, 1, 0, 0, 0, DateTimeKind.Utc) });
        await command.ExecuteNonQueryAsync();
    }

    private static NpgsqlParameter<long?[]> Counter(string name, IReadOnlyList<(long PostId, PostSnapshot Post)> page, Func<PostSnapshot, long?> value) =>
        new(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. page.Select(p => value(p.Post))] };
}
