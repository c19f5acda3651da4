using System.Globalization;
using System.Text;

namespace Monitor.Core.Reports;

/// <summary>
/// The report's set-based statements. Ids and bounds are parameters; the day buckets are a VALUES list computed in .NET
/// (the report zone's DST included) so both databases cut days alike, as <c>Groups/Compare/DailySeriesSql</c> does.
/// </summary>
internal static class ReportSql
{
    /// <summary>Followers as recorded with each run (account history).</summary>
    public const string FollowerRows = """
        SELECT a.profile_id, a.recorded_at, a.id, a.follower_count AS value
        FROM tiktok_profile_account_history a
        WHERE a.follower_count IS NOT NULL
        """;

    /// <summary>Total views as each completed run left them; a suspect run's row is left out, as on the profile's chart.</summary>
    public const string TotalViewsRows = """
        SELECT h.profile_id, h.recorded_at, h.id, h.total_views AS value
        FROM profile_metrics_history h
        LEFT JOIN profile_monitoring_logs l ON l.id = h.monitoring_log_id
        WHERE l.suspect_reason IS NULL
        """;

    /// <summary>
    /// The last value per profile and bucket. Parameters: {0}..{n-1} the profile ids, then each bucket's index, start and end.
    /// </summary>
    public static string LastPerBucket(string rows, int profiles, int buckets)
    {
        var ids = Placeholders(0, profiles);
        var values = new StringBuilder();
        for (var i = 0; i < buckets; i++)
        {
            var p = profiles + (i * 3);
            values.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}})");
        }

        return $"""
            WITH days(day_index, day_start, day_end) AS (VALUES {values}),
            ranked AS (
                SELECT s.profile_id, d.day_index, s.value,
                       row_number() OVER (PARTITION BY s.profile_id, d.day_index ORDER BY s.recorded_at DESC, s.id DESC) AS newest
                FROM ({rows}) s
                JOIN days d ON s.recorded_at >= d.day_start AND s.recorded_at < d.day_end
                WHERE s.profile_id IN ({ids})
            )
            SELECT profile_id, day_index, CAST(value AS double precision) AS value
            FROM ranked
            WHERE newest = 1
            """;
    }

    /// <summary>
    /// The posts that gained the most views in a period: the last count in it minus the last count before it (0 when
    /// first seen in the period). Parameters: {0} start, {1} end, {2} how many, then the profile ids.
    /// </summary>
    public static string TopPostsByViewsGained(int profiles) => $"""
        WITH in_period AS (
            SELECT h.post_id, h.views,
                   row_number() OVER (PARTITION BY h.post_id ORDER BY h.recorded_at DESC) AS newest
            FROM {Posts.History.HistoryStorageSql.ObservationsView} h
            JOIN tiktok_posts p ON p.id = h.post_id
            WHERE p.profile_id IN ({Placeholders(3, profiles)}) AND h.recorded_at >= {"{0}"} AND h.recorded_at < {"{1}"}
              AND h.views IS NOT NULL
        ),
        before AS (
            SELECT h.post_id, h.views,
                   row_number() OVER (PARTITION BY h.post_id ORDER BY h.recorded_at DESC) AS newest
            FROM {Posts.History.HistoryStorageSql.ObservationsView} h
            WHERE h.post_id IN (SELECT post_id FROM in_period) AND h.recorded_at < {"{0}"} AND h.views IS NOT NULL
        )
        SELECT e.post_id, e.views AS views, e.views - COALESCE(b.views, 0) AS gained
        FROM in_period e
        LEFT JOIN before b ON b.post_id = e.post_id AND b.newest = 1
        WHERE e.newest = 1
        ORDER BY gained DESC, e.post_id
        LIMIT {"{2}"}
        """;

    private static string Placeholders(int first, int count) =>
        string.Join(", ", Enumerable.Range(first, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{{{i}}}")));
}
