using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;

namespace Monitor.Core.Statistics;

/// <summary>
/// How many post observations the history holds. Counting them exactly expands every span of every partition (a year
/// at 10,000 profiles is about a billion), so past <see cref="ExactUpTo"/> spans PostgreSQL answers with an estimate:
/// the spans the statistics count (<c>reltuples</c>) times the observations a span holds in a block sample of about
/// <see cref="SampledPages"/> pages, whatever the history's size.
/// </summary>
internal static class HistoryObservationCount
{
    public const long ExactUpTo = 200_000;
    public const double SampledPages = 2_000;

    private const string Relations = $"""
        FROM pg_class c
        WHERE c.oid = '{HistoryStorageSql.OpenTable}'::regclass
           OR c.oid IN (SELECT i.inhrelid FROM pg_inherits i WHERE i.inhparent = '{HistoryStorageSql.Table}'::regclass)
        """;

    private const string PostgresSpans = $"""SELECT COALESCE(sum(GREATEST(c.reltuples, 0)), 0)::float8 AS "Value" {Relations}""";

    private const string PostgresPages = $"""SELECT COALESCE(sum(c.relpages), 0)::float8 AS "Value" {Relations}""";

    /// <returns>The count, and whether it is an estimate.</returns>
    public static async Task<(long Count, bool Estimated)> CountAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        // A restricted context counts its workspaces' observations through the query filter: the tables' estimate is not theirs.
        if (db.Database.IsNpgsql() && !db.IsRestricted)
        {
            var spans = await db.Database.SqlQueryRaw<double>(PostgresSpans).SingleAsync(cancellationToken);
            if (spans > ExactUpTo)
            {
                var pages = await db.Database.SqlQueryRaw<double>(PostgresPages).SingleAsync(cancellationToken);
                var percent = Math.Clamp(SampledPages * 100 / Math.Max(1, pages), 0.001, 100).ToString("0.###", CultureInfo.InvariantCulture);
                var sample = $"""
                    SELECT avg(1 + COALESCE(cardinality(s.repeats), 0))::float8 AS "Value" FROM (
                        SELECT repeats FROM {HistoryStorageSql.Table} TABLESAMPLE SYSTEM ({percent}) REPEATABLE (0)
                        UNION ALL SELECT repeats FROM {HistoryStorageSql.OpenTable} TABLESAMPLE SYSTEM ({percent}) REPEATABLE (0)) s
                    """;
                var perSpan = await db.Database.SqlQueryRaw<double?>(sample).SingleAsync(cancellationToken);
                return ((long)(spans * (perSpan ?? 1)), true);
            }
        }

        return (await db.PostMetricsHistory.LongCountAsync(cancellationToken), false);
    }
}
