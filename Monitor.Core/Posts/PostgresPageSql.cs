using Monitor.Core.Metrics;
using Monitor.Core.Posts.History;

namespace Monitor.Core.Posts;

/// <summary>
/// The PostgreSQL statements of the post writes. The page statement does a run's whole page in one round trip: the
/// progress update (conditional on the claim; it locks the run row against the reaper first), the upsert (only when
/// the claim held), the history rows from the upsert's <c>RETURNING</c>, never from a join back to
/// <c>tiktok_posts</c> (whose plan degraded to reading every post of the profile when its statistics were stale). The
/// hashtag sets ride in the upsert (<see cref="PostSignalSql"/>): the statement reads no other table. The observations
/// go into the history's spans (<see cref="PostgresHistorySql"/>); a suspect run's are told apart by the run's time window.
/// </summary>
internal static class PostgresPageSql
{
    private static readonly string Arrays =
        $"@aweme_ids, @descriptions, @posted_ats, @cover_urls, @share_urls, @durations, {MetricSql.Columns("@")}, {PostSignalSql.Columns("@")}";

    private static readonly string ArrayColumns =
        $"aweme_id, description, posted_at, cover_url, share_url, duration_seconds, {MetricSql.Columns()}, {PostSignalSql.Columns()}";

    public static readonly string Page = $"""
        WITH progress AS (
            UPDATE profile_monitoring_logs
            SET pages_scraped = @pages, posts_scraped = @posts_seen, requests_made = @requests, heartbeat_at = @heartbeat_at
            WHERE id = @log_id AND status = 'running' AND claim_token = @claim_token
            RETURNING id
        ), page AS (
            SELECT * FROM unnest({Arrays}) AS u({ArrayColumns})
        ), upserted AS (
            {UpsertFrom("page", "WHERE EXISTS (SELECT 1 FROM progress)")}
            RETURNING id, aweme_id
        ){PostgresHistorySql.Record(Observations("page", "upserted"))}
        SELECT (SELECT count(*) FROM progress), (SELECT count(*) FROM h_obs)
        """;

    /// <summary>The page statement without the run: the bulk path for batches too small for COPY.</summary>
    public static readonly string Batch = $"""
        WITH page AS (
            SELECT * FROM unnest({Arrays}) AS u({ArrayColumns})
        ), upserted AS (
            {UpsertFrom("page", "")}
            RETURNING id, aweme_id
        ){PostgresHistorySql.Record(Observations("page", "upserted"))}
        SELECT count(*) FROM h_obs
        """;

    public static readonly string CreateStaging = $"""
        CREATE TEMPORARY TABLE IF NOT EXISTS bulk_posts (
            aweme_id text, description text, posted_at timestamptz, cover_url text, share_url text, duration_seconds integer,
            {string.Join(", ", PostMetrics.All.Select(m => m.Column + " bigint"))},
            is_pinned boolean, is_ad boolean, is_paid_partnership boolean, has_shop_product boolean, shop_product_url text,
            sound_id text, sound_title text, sound_author text, sound_is_original boolean, hashtags_json text
        ) ON COMMIT DELETE ROWS
        """;

    public static readonly string CopyStaging = $"COPY bulk_posts ({ArrayColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>After COPY: one upsert and history statement from the staging table.</summary>
    public static readonly string FromStaging = $"""
        WITH upserted AS (
            {UpsertFrom("bulk_posts", "")}
            RETURNING id, aweme_id
        ){PostgresHistorySql.Record(Observations("bulk_posts", "upserted"))}
        SELECT count(*) FROM h_obs
        """;

    private static string Observations(string source, string upserted) => $"""
        SELECT up.id AS post_id, @now::timestamptz AS first_at, {MetricSql.Columns("s.")}
        FROM {upserted} up JOIN {source} s ON s.aweme_id = up.aweme_id
        """;

    private static string UpsertFrom(string source, string where) => $"""
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  {MetricSql.Columns()}, {PostSignalSql.Columns()}, first_seen_at, last_seen_at)
        SELECT @profile_id, s.aweme_id, s.description, s.posted_at, s.cover_url, s.share_url, s.duration_seconds,
               {MetricSql.Columns("s.")}, {PostSignalSql.Columns("s.")}, @now, @now
        FROM {source} s {where}
        {PostUpsertSql.OnConflictUpdate}
        """;
}
