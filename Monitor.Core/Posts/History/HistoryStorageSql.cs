namespace Monitor.Core.Posts.History;

/// <summary>
/// The hand-written schema of the compact post history (docs/history-storage.md), kept out of the generated migration
/// so the migration only calls it. Not yet applied by any migration: the layout is being built in increments.
/// </summary>
public static class HistoryStorageSql
{
    /// <summary>Closed spans of identical observations; on PostgreSQL partitioned by month on <c>first_at</c>.</summary>
    public const string Table = "tiktok_post_history";

    /// <summary>Each post's span still growing, one row a post.</summary>
    public const string OpenTable = "tiktok_post_history_open";

    private const string Counters = "views bigint, likes bigint, shares bigint, comments bigint, saves bigint";

    /// <summary>The two tables and the default partition (a write never fails for want of a month's partition).</summary>
    public const string PostgresTables = $"""
        CREATE TABLE {Table} (
            post_id bigint NOT NULL REFERENCES tiktok_posts (id) ON DELETE CASCADE,
            first_at timestamptz NOT NULL,
            {Counters},
            repeats int4[],
            PRIMARY KEY (post_id, first_at)
        ) PARTITION BY RANGE (first_at);
        CREATE TABLE {Table}_default PARTITION OF {Table} DEFAULT;
        CREATE TABLE {OpenTable} (
            post_id bigint PRIMARY KEY REFERENCES tiktok_posts (id) ON DELETE CASCADE,
            first_at timestamptz NOT NULL,
            {Counters},
            repeats int4[]
        );
        """;

    /// <summary>
    /// A span never crosses the 1st or the 16th of a month (UTC): its repeats' millisecond offsets fit an int4, and a
    /// span lies inside its month's partition. Writers and the conversion share this rule.
    /// </summary>
    public const string PostgresHalfMonth = """
        CREATE OR REPLACE FUNCTION post_history_half_month(t timestamptz) RETURNS timestamptz LANGUAGE sql IMMUTABLE AS
        $$ SELECT date_trunc('month', t, 'UTC') + CASE WHEN extract(day FROM t AT TIME ZONE 'UTC') >= 16 THEN interval '15 days' ELSE interval '0' END $$;
        """;

    /// <summary>
    /// Converts <c>tiktok_post_metrics_history</c> into spans, in one transaction (the partitions of every month it covers
    /// must exist): consecutive observations of a post with the same counters in the same half month become one span,
    /// the newest span of each post the open one. Times of repeats are kept to the millisecond; two observations of a
    /// post at the same instant with different counters keep the first.
    /// </summary>
    public const string PostgresConvert = """
        CREATE TEMP TABLE history_spans ON COMMIT DROP AS
        SELECT post_id, span, min(recorded_at) AS first_at, views, likes, shares, comments, saves,
               array_agg((extract(epoch FROM recorded_at - first) * 1000)::int4 ORDER BY recorded_at, id) FILTER (WHERE rn > 1) AS repeats,
               span = max(span) OVER (PARTITION BY post_id) AS newest
        FROM (
            SELECT g.*, first_value(recorded_at) OVER s AS first, row_number() OVER s AS rn
            FROM (
                SELECT c.*, sum(CASE WHEN c.starts THEN 1 ELSE 0 END) OVER (PARTITION BY post_id ORDER BY recorded_at, id) AS span
                FROM (
                    SELECT h.id, h.post_id, h.recorded_at, h.views, h.likes, h.shares, h.comments, h.saves,
                           lag(h.recorded_at) OVER w IS NULL
                           OR (h.views, h.likes, h.shares, h.comments, h.saves)
                              IS DISTINCT FROM (lag(h.views) OVER w, lag(h.likes) OVER w, lag(h.shares) OVER w, lag(h.comments) OVER w, lag(h.saves) OVER w)
                           OR post_history_half_month(h.recorded_at) <> post_history_half_month(lag(h.recorded_at) OVER w) AS starts
                    FROM tiktok_post_metrics_history h
                    WINDOW w AS (PARTITION BY h.post_id ORDER BY h.recorded_at, h.id)
                ) c
            ) g
            WINDOW s AS (PARTITION BY post_id, span ORDER BY recorded_at, id)
        ) x
        GROUP BY post_id, span, views, likes, shares, comments, saves;
        INSERT INTO tiktok_post_history (post_id, first_at, views, likes, shares, comments, saves, repeats)
        SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM history_spans WHERE NOT newest
        ON CONFLICT DO NOTHING;
        INSERT INTO tiktok_post_history_open (post_id, first_at, views, likes, shares, comments, saves, repeats)
        SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM history_spans WHERE newest;
        """;
}
