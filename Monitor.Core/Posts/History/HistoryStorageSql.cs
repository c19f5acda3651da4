namespace Monitor.Core.Posts.History;

/// <summary>
/// The hand-written schema of the compact post history (docs/history-storage.md), kept out of the generated migration
/// so the migration only calls it (<see cref="PostgresCreate"/>; SQLite: <see cref="SqliteHistoryStorageSql"/>).
/// </summary>
public static class HistoryStorageSql
{
    /// <summary>Closed spans of identical observations; on PostgreSQL partitioned by month on <c>first_at</c>.</summary>
    public const string Table = "tiktok_post_history";

    /// <summary>Each post's span still growing, one row a post.</summary>
    public const string OpenTable = "tiktok_post_history_open";

    /// <summary>Every kept observation with its time: the spans expanded, read as <see cref="TikTokPostMetricsHistory"/>.</summary>
    public const string ObservationsView = "tiktok_post_observations";

    /// <summary>
    /// The suspect flag of the observation aliased <c>h</c>: a suspect run of its post's profile whose time window holds it
    /// (the history keeps no run id, docs/history-storage.md). The same text runs on both databases.
    /// </summary>
    public const string SuspectAt = """
        EXISTS (SELECT 1 FROM profile_monitoring_logs sl JOIN tiktok_posts sp ON sp.profile_id = sl.profile_id
                WHERE sp.id = h.post_id AND sl.suspect_reason IS NOT NULL
                  AND h.recorded_at >= sl.started_at AND (sl.completed_at IS NULL OR h.recorded_at <= sl.completed_at))
        """;

    /// <summary>The observation aliased <c>h</c> was made by the run <c>{0}</c> (a parameter): its profile's, in its window.</summary>
    public const string InRun = """
        h.post_id IN (SELECT rp.id FROM tiktok_posts rp JOIN profile_monitoring_logs rl ON rl.profile_id = rp.profile_id WHERE rl.id = {0})
        AND h.recorded_at >= (SELECT rl.started_at FROM profile_monitoring_logs rl WHERE rl.id = {0})
        AND h.recorded_at <= COALESCE((SELECT rl.completed_at FROM profile_monitoring_logs rl WHERE rl.id = {0}), h.recorded_at)
        """;

    /// <summary>
    /// PostgreSQL: <see cref="InRun"/> and, implied by it, a bound on the observation's span (a span never starts before
    /// the half month of its observations): the partitions of the run's half months only, not the post's whole history.
    /// </summary>
    public const string PostgresInRun = InRun + """
        AND h.first_at >= post_history_half_month((SELECT rl.started_at FROM profile_monitoring_logs rl WHERE rl.id = {0}))
        """;

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

    /// <summary>The observations view: each span's first observation, then one per repeat (milliseconds after it).</summary>
    public const string PostgresView = $"""
        CREATE VIEW {ObservationsView} AS
        SELECT x.post_id, x.recorded_at, x.views, x.likes, x.shares, x.comments, x.saves, x.first_at,
               (SELECT l.id FROM profile_monitoring_logs l JOIN tiktok_posts p ON p.profile_id = l.profile_id
                WHERE p.id = x.post_id AND l.started_at <= x.recorded_at AND (l.completed_at IS NULL OR x.recorded_at <= l.completed_at)
                ORDER BY l.started_at DESC LIMIT 1) AS monitoring_log_id
        FROM (
            SELECT h.post_id, h.first_at + o.ms * interval '1 millisecond' AS recorded_at, h.views, h.likes, h.shares, h.comments, h.saves, h.first_at
            FROM (SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM {Table}
                  UNION ALL
                  SELECT post_id, first_at, views, likes, shares, comments, saves, repeats FROM {OpenTable}) h
            CROSS JOIN LATERAL unnest(array_prepend(0, h.repeats)) AS o(ms)
        ) x;
        """;

    /// <summary>
    /// A partition for every month from the month of <paramref name="from"/> (an SQL expression) to
    /// <see cref="HistoryPartitions.MonthsAhead"/> months ahead of now.
    /// </summary>
    private static string PostgresPartitionsFrom(string from) => $$"""
        DO $$
        DECLARE m timestamptz;
        BEGIN
            FOR m IN SELECT generate_series(
                date_trunc('month', {{from}}, 'UTC'),
                date_trunc('month', now(), 'UTC') + interval '{{HistoryPartitions.MonthsAhead}} months', interval '1 month')
            LOOP
                EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF {{Table}} FOR VALUES FROM (%L) TO (%L)',
                    '{{Table}}_' || to_char(m AT TIME ZONE 'UTC', 'YYYY_MM'), m, m + interval '1 month');
            END LOOP;
        END $$;
        """;

    /// <summary>The schema on a new database (the initial migration): partitions from this month.</summary>
    public static readonly string PostgresCreate = PostgresHalfMonth + PostgresTables + PostgresPartitionsFrom("now()") + PostgresView;

    public const string PostgresDown = $"""
        DROP VIEW IF EXISTS {ObservationsView};
        DROP TABLE IF EXISTS {OpenTable};
        DROP TABLE IF EXISTS {Table};
        DROP FUNCTION IF EXISTS post_history_half_month(timestamptz);
        """;
}
