namespace Monitor.Core.Posts.History;

/// <summary>
/// The SQLite side of <see cref="HistoryStorageSql"/>: the same two tables (no partitions; <c>WITHOUT ROWID</c>, so the
/// key is the table), repeats as a JSON array of milliseconds, the same view and the conversion of the old table.
/// Times are EF's text form, so a span's first observation keeps its stored text and a repeat's is formatted alike.
/// </summary>
public static class SqliteHistoryStorageSql
{
    private const string Counters = "views INTEGER, likes INTEGER, shares INTEGER, comments INTEGER, saves INTEGER";

    private const string Columns = "post_id, first_at, views, likes, shares, comments, saves, repeats";

    public const string Tables = $"""
        CREATE TABLE {HistoryStorageSql.Table} (
            post_id INTEGER NOT NULL REFERENCES tiktok_posts (id) ON DELETE CASCADE,
            first_at TEXT NOT NULL,
            {Counters},
            repeats TEXT,
            PRIMARY KEY (post_id, first_at)
        ) WITHOUT ROWID;
        CREATE TABLE {HistoryStorageSql.OpenTable} (
            post_id INTEGER NOT NULL PRIMARY KEY REFERENCES tiktok_posts (id) ON DELETE CASCADE,
            first_at TEXT NOT NULL,
            {Counters},
            repeats TEXT
        );
        """;

    /// <summary>The half month (1st or 16th) of an EF text time, as text: spans never cross it.</summary>
    private static string HalfMonth(string time) =>
        $"(substr({time}, 1, 8) || CASE WHEN CAST(substr({time}, 9, 2) AS INTEGER) >= 16 THEN '16' ELSE '01' END)";

    public const string View = $"""
        CREATE VIEW {HistoryStorageSql.ObservationsView} AS
        SELECT x.post_id, x.recorded_at, x.views, x.likes, x.shares, x.comments, x.saves, x.first_at,
               (SELECT l.id FROM profile_monitoring_logs l JOIN tiktok_posts p ON p.profile_id = l.profile_id
                WHERE p.id = x.post_id AND l.started_at <= x.recorded_at AND (l.completed_at IS NULL OR x.recorded_at <= l.completed_at)
                ORDER BY l.started_at DESC LIMIT 1) AS monitoring_log_id
        FROM (
            SELECT h.post_id,
                   CASE WHEN r.value = 0 THEN h.first_at
                        ELSE rtrim(rtrim(strftime('%Y-%m-%d %H:%M:%f', h.first_at, '+' || (r.value / 1000.0) || ' seconds'), '0'), '.') END AS recorded_at,
                   h.views, h.likes, h.shares, h.comments, h.saves, h.first_at
            FROM (SELECT {Columns} FROM {HistoryStorageSql.Table}
                  UNION ALL
                  SELECT {Columns} FROM {HistoryStorageSql.OpenTable}) h,
                 json_each(CASE WHEN h.repeats IS NULL OR h.repeats = '[]' THEN '[0]' ELSE '[0,' || substr(h.repeats, 2) END) r
        ) x;
        """;

    /// <summary>The schema on a new database (the initial migration).</summary>
    public const string Create = Tables + View;

    public const string Down = $"""
        DROP VIEW IF EXISTS {HistoryStorageSql.ObservationsView};
        DROP TABLE IF EXISTS {HistoryStorageSql.OpenTable};
        DROP TABLE IF EXISTS {HistoryStorageSql.Table};
        """;
}
