using Monitor.Core.Metrics;

namespace Monitor.Core.Posts;

/// <summary>
/// The upsert's conflict clause, shared by both providers' writers. Counts the upstream omitted keep their last known
/// value (the history row records the omission); a post owned by another profile is never taken over.
/// </summary>
internal static class PostUpsertSql
{
    public static readonly string OnConflictUpdate = $"""
        ON CONFLICT (aweme_id) DO UPDATE SET
            description = excluded.description,
            posted_at = COALESCE(excluded.posted_at, tiktok_posts.posted_at),
            cover_url = COALESCE(excluded.cover_url, tiktok_posts.cover_url),
            share_url = COALESCE(excluded.share_url, tiktok_posts.share_url),
            duration_seconds = COALESCE(excluded.duration_seconds, tiktok_posts.duration_seconds),
            {MetricSql.KeepKnownOnConflict("tiktok_posts")},
            {PostSignalSql.KeepKnownOnConflict},
            last_seen_at = excluded.last_seen_at
        WHERE tiktok_posts.profile_id = excluded.profile_id
        """;
}
