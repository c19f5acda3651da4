namespace Monitor.Core.Groups.Compare;

/// <summary>The compare table's set-based statements; the same text runs on PostgreSQL and SQLite.</summary>
internal static class CompareSql
{
    /// <summary>
    /// {0} the group, {1}–{2} the period's instants: per member with posts published in the period, their count, the
    /// median of their current views (the middle row, or the mean of the two middle rows for an even count, found by
    /// window functions: neither database has a median both can use) and the most viewed post (ties: the older id).
    /// </summary>
    public const string PostFigures = """
        WITH period_posts AS (
            SELECT p.profile_id, p.id, p.views
            FROM profile_group_members m
            JOIN tiktok_posts p ON p.profile_id = m.profile_id
            WHERE m.group_id = {0} AND p.posted_at >= {1} AND p.posted_at < {2}
        ),
        counted AS (
            SELECT profile_id, count(*) AS posts FROM period_posts GROUP BY profile_id
        ),
        ranked AS (
            SELECT profile_id, id, views,
                   row_number() OVER (PARTITION BY profile_id ORDER BY views, id) AS up,
                   row_number() OVER (PARTITION BY profile_id ORDER BY views DESC, id) AS down,
                   count(*) OVER (PARTITION BY profile_id) AS n
            FROM period_posts
            WHERE views IS NOT NULL
        ),
        medians AS (
            SELECT profile_id, avg(CAST(views AS double precision)) AS median_views
            FROM ranked
            WHERE up IN ((n + 1) / 2, (n + 2) / 2)
            GROUP BY profile_id
        )
        SELECT c.profile_id, c.posts, md.median_views, b.id AS best_post_id
        FROM counted c
        LEFT JOIN medians md ON md.profile_id = c.profile_id
        LEFT JOIN ranked b ON b.profile_id = c.profile_id AND b.down = 1
        """;
}
