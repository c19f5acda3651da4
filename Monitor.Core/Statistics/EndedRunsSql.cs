using System.Globalization;
using System.Text;

namespace Monitor.Core.Statistics;

/// <summary>
/// The statistics page's figures aggregated where the runs are: the runs that ended in the period counted by zone day,
/// by profile (with each profile's median and longest duration), and the period's durations at two ranks. A run's
/// duration is computed as .NET computes it (whole ticks over 10^7, clamped at zero), so the figures are the ones the
/// runs read into memory would give. Parameters: {0} from, {1} to, {2} the workspaces of a restricted context (an
/// array on PostgreSQL, a JSON array on SQLite), then the day starts of <see cref="PerDay"/>.
/// </summary>
internal static class EndedRunsSql
{
    /// <param name="days">Days of the period: <paramref name="days"/> + 1 starts follow (one array on PostgreSQL).</param>
    public static string PerDay(bool postgres, int days, bool restricted)
    {
        var starts = restricted ? 3 : 2;
        var startsArray = Placeholder(starts);
        return postgres
            ? $"""
                WITH {Ended(true, restricted)}
                SELECT width_bucket(e.completed_at, {startsArray}) - 1 AS day_index, {Counts}
                FROM ended e
                GROUP BY 1
                """
            : $"""
                WITH days(day_index, day_start, day_end) AS (VALUES {DayValues(days, starts)}),
                {Ended(false, restricted)}
                SELECT d.day_index, {Counts}
                FROM ended e
                JOIN days d ON e.completed_at >= d.day_start AND e.completed_at < d.day_end
                GROUP BY d.day_index
                """;
    }

    /// <summary>One row a profile with ended runs: runs, failures, timed runs, median (nearest rank) and longest duration.</summary>
    public static string PerProfile(bool postgres, bool restricted) => postgres
        ? $"""
            WITH {Ended(true, restricted)},
            per_profile AS (
                SELECT e.profile_id, count(*) AS runs,
                       sum(CASE WHEN e.status = 'failed' THEN 1 ELSE 0 END) AS failed,
                       count(e.span) AS timed,
                       percentile_disc(0.5) WITHIN GROUP (ORDER BY e.span) AS median_span,
                       max(e.span) AS max_span
                FROM ended e
                GROUP BY e.profile_id
            )
            SELECT k.profile_id, p.handle, k.runs, k.failed, k.timed,
                   {Seconds("k.median_span")} AS median_seconds, {Seconds("k.max_span")} AS max_seconds
            FROM per_profile k
            JOIN tiktok_profiles p ON p.id = k.profile_id
            """
        : $"""
            WITH {Ended(false, restricted)},
            ranked AS (
                SELECT e.profile_id, e.status, e.duration,
                       row_number() OVER (PARTITION BY e.profile_id ORDER BY e.duration NULLS LAST) AS duration_rank,
                       count(e.duration) OVER (PARTITION BY e.profile_id) AS timed
                FROM ended e
            )
            SELECT k.profile_id, p.handle, count(*) AS runs,
                   sum(CASE WHEN k.status = 'failed' THEN 1 ELSE 0 END) AS failed,
                   count(k.duration) AS timed,
                   max(CASE WHEN k.duration_rank = (k.timed + 1) / 2 THEN k.duration END) AS median_seconds,
                   max(k.duration) AS max_seconds
            FROM ranked k
            JOIN tiktok_profiles p ON p.id = k.profile_id
            GROUP BY k.profile_id, p.handle
            """;

    /// <summary>
    /// PostgreSQL: the durations at the given nearest-rank percentiles of the period's timed runs, one row each
    /// (<c>percentile_disc</c> picks the value at rank ⌈p × n⌉, as <see cref="Percentiles.RankOf"/> does).
    /// </summary>
    public static string DurationsAtPercentiles(bool restricted, IEnumerable<double> percentiles) => $"""
        WITH {Ended(true, restricted)},
        picked AS (
            SELECT percentile_disc(ARRAY[{string.Join(", ", percentiles.Select(p => (p / 100).ToString("R", CultureInfo.InvariantCulture)))}]::float8[])
                   WITHIN GROUP (ORDER BY e.span) AS spans
            FROM ended e
        )
        SELECT u.ordinality AS duration_rank, {Seconds("u.span")} AS value
        FROM picked, unnest(picked.spans) WITH ORDINALITY AS u(span, ordinality)
        WHERE u.span IS NOT NULL
        """;

    /// <summary>SQLite: how many of the period's runs have a duration.</summary>
    public static string Timed(bool restricted) => $"""
        WITH {Ended(false, restricted)}
        SELECT count(e.duration) AS "Value" FROM ended e
        """;

    /// <summary>SQLite: the durations at the given 1-based ranks of the period's timed runs in ascending order.</summary>
    public static string DurationsAtRanks(bool restricted, IEnumerable<int> ranks) => $"""
        WITH {Ended(false, restricted)}
        SELECT t.duration_rank, t.duration AS value
        FROM (SELECT e.duration, row_number() OVER (ORDER BY e.duration) AS duration_rank FROM ended e WHERE e.duration IS NOT NULL) t
        WHERE t.duration_rank IN ({string.Join(", ", ranks.Select(r => r.ToString(CultureInfo.InvariantCulture)))})
        """;

    private const string Counts = """
        count(*) AS runs,
        sum(CASE WHEN e.status = 'completed' THEN 1 ELSE 0 END) AS completed,
        sum(CASE WHEN e.status = 'failed' THEN 1 ELSE 0 END) AS failed,
        COALESCE(sum(e.requests_made), 0) AS requests
        """;

    // An interval sorts and compares natively; its seconds (exact: microseconds over 10^6 in numeric) are taken only
    // for the few figures read, not for every run of the period.
    private const string PostgresSpan = "GREATEST(interval '0', r.completed_at - r.started_at)";

    private static string Seconds(string span) => $"extract(epoch FROM {span})::double precision";

    // SQLite keeps a time as text, 'yyyy-MM-dd HH:mm:ss' and up to seven digits of fraction: whole seconds from
    // strftime, the fraction as ticks from the text, so the difference is exact before the one division.
    private static readonly string SqliteSeconds =
        $"max(0, (strftime('%s', r.completed_at) - strftime('%s', r.started_at)) * 10000000 + {SqliteTicks("r.completed_at")} - {SqliteTicks("r.started_at")}) / 10000000.0";

    private static string Ended(bool postgres, bool restricted) => $"""
        ended AS (
            SELECT r.profile_id, r.status, r.requests_made, r.completed_at,
                   CASE WHEN r.started_at IS NULL THEN NULL ELSE {(postgres ? PostgresSpan : SqliteSeconds)} END AS {(postgres ? "span" : "duration")}
            FROM profile_monitoring_logs r
            WHERE r.completed_at >= {"{0}"} AND r.completed_at <= {"{1}"} AND r.status NOT IN ('pending', 'running')
            {(restricted ? Restriction(postgres) : "")}
        )
        """;

    private static string SqliteTicks(string column) =>
        $"(CASE WHEN length({column}) > 20 THEN CAST(substr(substr({column}, 21) || '000000', 1, 7) AS INTEGER) ELSE 0 END)";

    private static string Restriction(bool postgres) => postgres
        ? "AND r.profile_id IN (SELECT wp.profile_id FROM workspace_profiles wp WHERE wp.workspace_id = ANY({2}))"
        : "AND r.profile_id IN (SELECT wp.profile_id FROM workspace_profiles wp WHERE wp.workspace_id IN (SELECT value FROM json_each({2})))";

    private static string Placeholder(int parameter) => "{" + parameter.ToString(CultureInfo.InvariantCulture) + "}";

    private static string DayValues(int days, int firstStart)
    {
        var values = new StringBuilder();
        for (var i = 0; i < days; i++)
        {
            values.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({i}, {Placeholder(firstStart + i)}, {Placeholder(firstStart + i + 1)})");
        }

        return values.ToString();
    }
}
