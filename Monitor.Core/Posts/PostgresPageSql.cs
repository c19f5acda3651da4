using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// The PostgreSQL statements of the post writes. The page statement does a run's whole page in one round trip: the
/// progress update (conditional on the claim; it locks the run row against the reaper first), the upsert (only when
/// the claim held), the history rows from the upsert's <c>RETURNING</c>, never from a join back to
/// <c>tiktok_posts</c> (whose plan degraded to reading every post of the profile when its statistics were stale), and
/// the hashtag rows (see <see cref="HashtagWrites"/>). The history rows name the run, so that a suspect run's values
/// can be told apart and undone at its close.
/// </summary>
internal static class PostgresPageSql
{
    private static readonly string Arrays =
        $"@aweme_ids, @descriptions, @posted_ats, @cover_urls, @share_urls, @durations, {MetricSql.Columns("@")}, {PostSignalSql.Columns("@")}, @hashtags_known";

    private static readonly string ArrayColumns =
        $"aweme_id, description, posted_at, cover_url, share_url, duration_seconds, {MetricSql.Columns()}, {PostSignalSql.Columns()}, hashtags_known";

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
        ), history AS (
            INSERT INTO tiktok_post_metrics_history (post_id, {MetricSql.Columns()}, recorded_at, monitoring_log_id)
            SELECT up.id, {MetricSql.Columns("page.")}, @now, @log_id
            FROM upserted up JOIN page ON page.aweme_id = up.aweme_id
            RETURNING 1
        ){HashtagWrites("page")}
        SELECT (SELECT count(*) FROM progress), (SELECT count(*) FROM history)
        """;

    /// <summary>The page statement without the run: the bulk path for batches too small for COPY.</summary>
    public static readonly string Batch = $"""
        WITH page AS (
            SELECT * FROM unnest({Arrays}) AS u({ArrayColumns})
        ), upserted AS (
            {UpsertFrom("page", "")}
            RETURNING id, aweme_id
        ){HashtagWrites("page")}
        INSERT INTO tiktok_post_metrics_history (post_id, {MetricSql.Columns()}, recorded_at)
        SELECT up.id, {MetricSql.Columns("page.")}, @now
        FROM upserted up JOIN page ON page.aweme_id = up.aweme_id
        """;

    public static readonly string CreateStaging = $"""
        CREATE TEMPORARY TABLE IF NOT EXISTS bulk_posts (
            aweme_id text, description text, posted_at timestamptz, cover_url text, share_url text, duration_seconds integer,
            {string.Join(", ", PostMetrics.All.Select(m => m.Column + " bigint"))},
            is_pinned boolean, is_ad boolean, is_paid_partnership boolean, has_shop_product boolean, shop_product_url text,
            sound_id text, sound_title text, sound_author text, sound_is_original boolean, hashtags_known boolean
        ) ON COMMIT DELETE ROWS
        """;

    public static readonly string CopyStaging = $"COPY bulk_posts ({ArrayColumns}) FROM STDIN (FORMAT BINARY)";

    /// <summary>After COPY: one upsert, history and hashtag statement from the staging table.</summary>
    public static readonly string FromStaging = $"""
        WITH upserted AS (
            {UpsertFrom("bulk_posts", "")}
            RETURNING id, aweme_id
        ){HashtagWrites("bulk_posts")}
        INSERT INTO tiktok_post_metrics_history (post_id, {MetricSql.Columns()}, recorded_at)
        SELECT up.id, {MetricSql.Columns("b.")}, @now
        FROM upserted up JOIN bulk_posts b ON b.aweme_id = up.aweme_id
        """;

    private static string UpsertFrom(string source, string where) => $"""
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  {MetricSql.Columns()}, {PostSignalSql.Columns()}, first_seen_at, last_seen_at)
        SELECT @profile_id, s.aweme_id, s.description, s.posted_at, s.cover_url, s.share_url, s.duration_seconds,
               {MetricSql.Columns("s.")}, {PostSignalSql.Columns("s.")}, @now, @now
        FROM {source} s {where}
        {PostUpsertSql.OnConflictUpdate}
        """;

    /// <summary>
    /// The hashtags of the upserted posts whose set was reported (<c>hashtags_known</c>), from the flat pairs
    /// <c>@tag_aweme_ids</c>/<c>@tags</c>: tags no longer there are deleted, new ones inserted, unchanged ones only
    /// looked up. The two touch disjoint rows, so their order inside the statement does not matter.
    /// </summary>
    private static string HashtagWrites(string source) => $"""
        , tags AS (
            SELECT * FROM unnest(@tag_aweme_ids, @tags) AS t(aweme_id, tag)
        ), tags_removed AS (
            DELETE FROM tiktok_post_hashtags h
            USING upserted up JOIN {source} s ON s.aweme_id = up.aweme_id
            WHERE h.post_id = up.id AND s.hashtags_known
              AND NOT EXISTS (SELECT 1 FROM tags t WHERE t.aweme_id = s.aweme_id AND t.tag = h.tag)
        ), tags_added AS (
            INSERT INTO tiktok_post_hashtags (post_id, tag)
            SELECT up.id, t.tag FROM upserted up JOIN tags t ON t.aweme_id = up.aweme_id
            ON CONFLICT DO NOTHING
        )
        """;
}
