namespace Monitor.Core.Posts;

/// <summary>
/// Keeps <c>tiktok_post_hashtags</c> in step with <c>tiktok_posts.hashtags_json</c> inside the database, by triggers
/// that fire only when a post is inserted with a set or its set changes: a refresh that reports the same set (nearly
/// every one) writes and reads nothing of the hashtag table, whatever the statement's plan. A set reported empty removes
/// the post's tags; a set not reported (null) is never written, so the tags stay. Used by the migration
/// <c>PostHashtagSets</c> of each provider, after it filled the new column from the rows already there. SQLite's
/// triggers skip existing tags with <c>NOT IN</c>, not <c>OR IGNORE</c>: inside a trigger fired by an upsert, the outer
/// statement's conflict handling overrides the trigger's own.
/// </summary>
internal static class HashtagSetTriggers
{
    public static readonly string[] PostgresUp =
    [
        """
        UPDATE tiktok_posts p SET hashtags_json = (
            SELECT json_agg(h.tag ORDER BY h.tag)::text FROM tiktok_post_hashtags h WHERE h.post_id = p.id)
        WHERE EXISTS (SELECT 1 FROM tiktok_post_hashtags h WHERE h.post_id = p.id)
        """,
        """
        CREATE FUNCTION tiktok_posts_sync_hashtags() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'UPDATE' THEN
                DELETE FROM tiktok_post_hashtags
                WHERE post_id = NEW.id
                  AND tag NOT IN (SELECT jsonb_array_elements_text(NEW.hashtags_json::jsonb));
            END IF;
            INSERT INTO tiktok_post_hashtags (post_id, tag)
            SELECT NEW.id, t FROM jsonb_array_elements_text(NEW.hashtags_json::jsonb) AS t
            ON CONFLICT DO NOTHING;
            RETURN NULL;
        END $$
        """,
        """
        CREATE TRIGGER tiktok_posts_hashtags_inserted AFTER INSERT ON tiktok_posts
        FOR EACH ROW WHEN (NEW.hashtags_json IS NOT NULL) EXECUTE FUNCTION tiktok_posts_sync_hashtags()
        """,
        """
        CREATE TRIGGER tiktok_posts_hashtags_changed AFTER UPDATE OF hashtags_json ON tiktok_posts
        FOR EACH ROW WHEN (NEW.hashtags_json IS DISTINCT FROM OLD.hashtags_json) EXECUTE FUNCTION tiktok_posts_sync_hashtags()
        """,
    ];

    public static readonly string[] PostgresDown =
    [
        "DROP TRIGGER IF EXISTS tiktok_posts_hashtags_changed ON tiktok_posts",
        "DROP TRIGGER IF EXISTS tiktok_posts_hashtags_inserted ON tiktok_posts",
        "DROP FUNCTION IF EXISTS tiktok_posts_sync_hashtags()",
    ];

    private const string SqliteAddMissingTags = """
        INSERT INTO tiktok_post_hashtags (post_id, tag)
        SELECT DISTINCT NEW.id, value FROM json_each(NEW.hashtags_json)
        WHERE value NOT IN (SELECT tag FROM tiktok_post_hashtags WHERE post_id = NEW.id);
        """;

    public static readonly string[] SqliteUp =
    [
        """
        UPDATE tiktok_posts SET hashtags_json = (
            SELECT json_group_array(tag) FROM (SELECT h.tag FROM tiktok_post_hashtags h WHERE h.post_id = tiktok_posts.id ORDER BY h.tag))
        WHERE id IN (SELECT post_id FROM tiktok_post_hashtags)
        """,
        $"""
        CREATE TRIGGER tiktok_posts_hashtags_inserted AFTER INSERT ON tiktok_posts
        WHEN NEW.hashtags_json IS NOT NULL
        BEGIN
        {SqliteAddMissingTags}
        END
        """,
        $"""
        CREATE TRIGGER tiktok_posts_hashtags_changed AFTER UPDATE OF hashtags_json ON tiktok_posts
        WHEN NEW.hashtags_json IS NOT OLD.hashtags_json AND NEW.hashtags_json IS NOT NULL
        BEGIN
            DELETE FROM tiktok_post_hashtags
            WHERE post_id = NEW.id AND tag NOT IN (SELECT value FROM json_each(NEW.hashtags_json));
        {SqliteAddMissingTags}
        END
        """,
    ];

    public static readonly string[] SqliteDown =
    [
        "DROP TRIGGER IF EXISTS tiktok_posts_hashtags_changed",
        "DROP TRIGGER IF EXISTS tiktok_posts_hashtags_inserted",
    ];
}
