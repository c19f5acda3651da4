using System.Globalization;
using System.Text;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The last value of each reporting-zone day, per member, from a table of (profile_id, recorded_at, value) rows. The
/// days' UTC bounds are computed in .NET (DST included) and sent as a VALUES list, so both databases cut days alike.
/// </summary>
internal static class DailySeriesSql
{
    /// <summary>Parameters: {0} the group, {1}–{2} the period's instants, then each day's index, start and end.</summary>
    /// <param name="rows">A SELECT of <c>profile_id, recorded_at, id, value</c> over the source table, aliased as a subquery.</param>
    public static string LastOfDay(string rows, int days)
    {
        var values = new StringBuilder();
        for (var i = 0; i < days; i++)
        {
            var p = 3 + (i * 3);
            values.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}({{{p}}}, {{{p + 1}}}, {{{p + 2}}})");
        }

        return $"""
            WITH days(day_index, day_start, day_end) AS (VALUES {values}),
            member_rows AS (
                SELECT s.profile_id, s.recorded_at, s.id, s.value
                FROM profile_group_members m
                JOIN ({rows}) s ON s.profile_id = m.profile_id
                WHERE m.group_id = {"{0}"} AND s.recorded_at >= {"{1}"} AND s.recorded_at < {"{2}"}
            ),
            ranked AS (
                SELECT r.profile_id, d.day_index, r.value,
                       row_number() OVER (PARTITION BY r.profile_id, d.day_index ORDER BY r.recorded_at DESC, r.id DESC) AS newest
                FROM member_rows r
                JOIN days d ON r.recorded_at >= d.day_start AND r.recorded_at < d.day_end
            )
            SELECT profile_id, day_index, CAST(value AS double precision) AS value
            FROM ranked
            WHERE newest = 1
            ORDER BY profile_id, day_index
            """;
    }

    public static object[] Parameters(CompareScope scope, ReportingDays days)
    {
        var parameters = new List<object> { scope.GroupId, scope.Period.StartUtc, scope.Period.EndUtc };
        for (var i = 0; i < days.Starts.Count - 1; i++)
        {
            parameters.Add(i);
            parameters.Add(days.Starts[i]);
            parameters.Add(days.Starts[i + 1]);
        }

        return [.. parameters];
    }
}
