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
}
