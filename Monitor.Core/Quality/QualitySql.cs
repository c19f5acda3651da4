using Monitor.Core.Metrics;
using Monitor.Core.Posts.History;

namespace Monitor.Core.Quality;

/// <summary>The set-based statements of a run's quality check; the same text runs on PostgreSQL and SQLite.</summary>
internal static class QualitySql
{
    /// <summary>
    /// @p0 the run: of its history rows with views, how many had views in their post's previous snapshot, and how many
    /// of those fell. The previous snapshot is found through the (post_id, recorded_at) index, one probe per row.
    /// </summary>
    public static readonly string FallenViews = $"""
        SELECT count(*), COALESCE(sum(CASE WHEN x.now_views < x.before_views THEN 1 ELSE 0 END), 0)
        FROM (
            SELECT h.views AS now_views,
                   (SELECT p.views FROM {HistoryStorageSql.ObservationsView} p
                    WHERE p.post_id = h.post_id AND p.recorded_at < h.recorded_at
                    ORDER BY p.recorded_at DESC LIMIT 1) AS before_views
            FROM {HistoryStorageSql.ObservationsView} h
            WHERE {HistoryStorageSql.InRun.Replace("{0}", "@p0", StringComparison.Ordinal)} AND h.views IS NOT NULL
        ) x
        WHERE x.before_views IS NOT NULL
        """;

    /// <summary>
    /// PostgreSQL: the views of the post's latest observation strictly before the observation aliased <c>h</c>, or null
    /// when it has none. The latest span starting before that time holds it, and every observation of a span has the
    /// span's counters: one index seek a post, no repeat expanded. (The history's names are constants: Quality takes
    /// no dependency on the Posts slice that uses it.)
    /// </summary>
    private const string PostgresViewsBefore = $"""
        (SELECT x.views
         FROM ((SELECT c.first_at, c.views FROM {HistoryStorageSql.Table} c
                WHERE c.post_id = h.post_id AND c.first_at < h.recorded_at ORDER BY c.first_at DESC LIMIT 1)
               UNION ALL
               (SELECT o.first_at, o.views FROM {HistoryStorageSql.OpenTable} o WHERE o.post_id = h.post_id AND o.first_at < h.recorded_at)) x
         ORDER BY x.first_at DESC LIMIT 1)
        """;

    /// <summary>
    /// <see cref="FallenViews"/> on PostgreSQL, the same counts: the run's observations read from its half months'
    /// partitions, and each one's previous observation by one index seek (<see cref="PostgresViewsBefore"/>)
    /// instead of expanding the post's whole history twice: at a year's history that grew with every run.
    /// </summary>
    public static readonly string FallenViewsPostgres = $"""
        SELECT count(*), COALESCE(sum(CASE WHEN x.now_views < x.before_views THEN 1 ELSE 0 END), 0)
        FROM (
            SELECT h.views AS now_views, {PostgresViewsBefore} AS before_views
            FROM {HistoryStorageSql.ObservationsView} h
            WHERE {HistoryStorageSql.PostgresInRun.Replace("{0}", "@p0", StringComparison.Ordinal)} AND h.views IS NOT NULL
        ) x
        WHERE x.before_views IS NOT NULL
        """;

    /// <summary>
    /// {0} the suspect run (already marked): each post it wrote gets back the counters of its newest trusted snapshot
    /// (from a run not marked suspect, or from the bulk endpoint); a post with none has no trusted counters yet (null).
    /// </summary>
    public static readonly string RestoreTrusted = $"""
        UPDATE tiktok_posts
        SET ({MetricSql.Columns()}) = (
            SELECT {MetricSql.Columns("h.")}
            FROM {HistoryStorageSql.ObservationsView} h
            WHERE h.post_id = tiktok_posts.id AND NOT {HistoryStorageSql.SuspectAt}
            ORDER BY h.recorded_at DESC
            LIMIT 1)
        WHERE id IN (SELECT h.post_id FROM {HistoryStorageSql.ObservationsView} h WHERE {HistoryStorageSql.InRun})
        """;

    /// <summary>
    /// @p0 the profile, @p1 the trusted full scan's start: a post it saw is seen (0), every other post misses one more
    /// full scan. Rows already at 0 and seen are not rewritten.
    /// </summary>
    public const string CountMissing = """
        UPDATE tiktok_posts
        SET missing_full_scans = CASE WHEN last_seen_at >= @p1 THEN 0 ELSE missing_full_scans + 1 END
        WHERE profile_id = @p0 AND (last_seen_at < @p1 OR missing_full_scans <> 0)
        """;
}
