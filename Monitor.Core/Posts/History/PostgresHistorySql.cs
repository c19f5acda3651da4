namespace Monitor.Core.Posts.History;

/// <summary>
/// The PostgreSQL write of observations into spans (docs/history-storage.md), as common table expressions that ride in
/// the statement producing the observations (a page's upsert, the bulk staging table), so the whole page stays one
/// statement and every part sees the same snapshot. The source must hold at most one observation per post.
/// </summary>
internal static class PostgresHistorySql
{
    private const string Counters = "views, likes, shares, comments, saves";

    private static string Same(string a, string b) =>
        $"post_history_half_month({a}.first_at) = post_history_half_month({b}.first_at) " +
        $"AND ({a}.views, {a}.likes, {a}.shares, {a}.comments, {a}.saves) IS NOT DISTINCT FROM ({b}.views, {b}.likes, {b}.shares, {b}.comments, {b}.saves)";

    /// <summary>
    /// CTEs (each starting with a comma) that record the observations <paramref name="select"/> yields as columns
    /// <c>post_id, first_at, views, likes, shares, comments, saves</c>; <c>h_open</c> returns one row per observation
    /// recorded in order. An observation not after its post's open span's newest (a late bulk post) becomes its own
    /// closed row instead, never appended out of order; one at an instant already kept is dropped (the first stays).
    /// </summary>
    public static string Record(string select) => $"""
        , h_obs AS (
            {select}
        ), h_cur AS (
            SELECT n.*, o.post_id IS NOT NULL AS known, o.first_at AS open_first,
                   o.post_id IS NOT NULL AND n.first_at <= o.first_at + COALESCE(o.repeats[cardinality(o.repeats)], 0) * interval '1 millisecond' AS late
            FROM h_obs n LEFT JOIN {HistoryStorageSql.OpenTable} o ON o.post_id = n.post_id
        ), h_late AS (
            INSERT INTO {HistoryStorageSql.Table} (post_id, first_at, {Counters})
            SELECT post_id, first_at, {Counters} FROM h_cur WHERE late AND first_at <> open_first
            ON CONFLICT DO NOTHING
        ), h_closed AS (
            INSERT INTO {HistoryStorageSql.Table} (post_id, first_at, {Counters}, repeats)
            SELECT o.post_id, o.first_at, o.views, o.likes, o.shares, o.comments, o.saves, o.repeats
            FROM {HistoryStorageSql.OpenTable} o JOIN h_cur c ON c.post_id = o.post_id
            WHERE c.known AND NOT c.late AND NOT ({Same("c", "o")})
            ON CONFLICT DO NOTHING
        ), h_open AS (
            INSERT INTO {HistoryStorageSql.OpenTable} AS o (post_id, first_at, {Counters})
            SELECT post_id, first_at, {Counters} FROM h_cur WHERE NOT late
            ON CONFLICT (post_id) DO UPDATE SET
                repeats = CASE WHEN {Same("excluded", "o")}
                               THEN array_append(o.repeats, round(extract(epoch FROM excluded.first_at - o.first_at) * 1000)::int4) END,
                first_at = CASE WHEN {Same("excluded", "o")} THEN o.first_at ELSE excluded.first_at END,
                views = excluded.views, likes = excluded.likes, shares = excluded.shares, comments = excluded.comments, saves = excluded.saves
            RETURNING 1
        )
        """;

    /// <summary>Observations given as arrays (<c>@post_ids</c>, <c>@ats</c>, one array per counter), one per post.</summary>
    public static readonly string FromArrays = "WITH h_none AS (SELECT 1)" + Record(
        $"SELECT * FROM unnest(@post_ids, @ats, @views, @likes, @shares, @comments, @saves) AS u(post_id, first_at, {Counters})")
        + "SELECT count(*) FROM h_open";
}
