using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Posts;

namespace Monitor.Core.Statistics;

/// <summary>
/// How many posts are tracked. Counting 3 M posts (10,000 profiles) reads their whole primary key, a third of a second
/// of both cores on every statistics read; past <see cref="ExactUpTo"/> PostgreSQL answers with its statistics' row
/// count (<c>reltuples</c>, kept by autovacuum's analyze), shown as an estimate.
/// </summary>
internal static class PostCount
{
    public const long ExactUpTo = 1_000_000;

    private const string PostgresEstimate = """SELECT GREATEST(c.reltuples, 0)::float8 AS "Value" FROM pg_class c WHERE c.oid = 'tiktok_posts'::regclass""";

    /// <returns>The count, and whether it is an estimate.</returns>
    public static async Task<(long Count, bool Estimated)> CountAsync(MonitorDbContext db, CancellationToken cancellationToken, long exactUpTo = ExactUpTo)
    {
        // A restricted context counts its workspaces' posts through the query filter: the table's estimate is not theirs.
        if (db.Database.IsNpgsql() && !db.IsRestricted)
        {
            var estimate = await db.Database.SqlQueryRaw<double>(PostgresEstimate).SingleAsync(cancellationToken);
            if (estimate > exactUpTo)
            {
                return ((long)estimate, true);
            }
        }

        return (await db.Posts.LongCountAsync(cancellationToken), false);
    }
}
