using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// The newest N snapshots of each post of a page in one query, reading only those rows through the
/// (post_id, recorded_at DESC) index: a LATERAL top-N per post on PostgreSQL, a window over the page's posts only on
/// SQLite. (EF's translation numbered every row of the history table before filtering by post.)
/// </summary>
internal static class NewestSnapshotsQuery
{
    private static readonly string Postgres = $"""
        SELECT h.post_id, {MetricSql.Columns("h.")}, h.recorded_at
        FROM unnest(@post_ids) AS p(id)
        CROSS JOIN LATERAL (
            SELECT * FROM tiktok_post_metrics_history x
            WHERE x.post_id = p.id
            ORDER BY x.recorded_at DESC, x.id DESC
            LIMIT @depth
        ) h
        """;

    private static string Sqlite(int count) => $"""
        SELECT post_id, {MetricSql.Columns()}, recorded_at
        FROM (
            SELECT h.*, row_number() OVER (PARTITION BY h.post_id ORDER BY h.recorded_at DESC, h.id DESC) AS n
            FROM tiktok_post_metrics_history h
            WHERE h.post_id IN ({string.Join(", ", Enumerable.Range(0, count).Select(i => $"$p{i}"))})
        )
        WHERE n <= $depth
        ORDER BY post_id, recorded_at DESC, id DESC
        """;

    /// <returns>Each post's snapshots, newest first; a post without history is absent.</returns>
    public static async Task<Dictionary<long, List<MetricsSnapshotDto>>> RunAsync(MonitorDbContext db, IReadOnlyList<long> postIds, int depth, CancellationToken cancellationToken)
    {
        var result = new Dictionary<long, List<MetricsSnapshotDto>>();
        if (postIds.Count == 0 || depth <= 0)
        {
            return result;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = Create(db.Database.GetDbConnection(), postIds, depth);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var metrics = PostMetrics.All;
            while (await reader.ReadAsync(cancellationToken))
            {
                var postId = reader.GetInt64(0);
                var snapshot = new MetricsSnapshotDto(
                    PostMetrics.From(m => reader.IsDBNull(1 + IndexOf(metrics, m)) ? null : reader.GetInt64(1 + IndexOf(metrics, m))),
                    DateTime.SpecifyKind(reader.GetDateTime(1 + metrics.Count), DateTimeKind.Utc));
                if (!result.TryGetValue(postId, out var list))
                {
                    result[postId] = list = new List<MetricsSnapshotDto>(depth);
                }

                list.Add(snapshot);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private static int IndexOf(IReadOnlyList<MetricDefinition> metrics, MetricDefinition metric)
    {
        for (var i = 0; i < metrics.Count; i++)
        {
            if (ReferenceEquals(metrics[i], metric))
            {
                return i;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(metric));
    }

    private static DbCommand Create(DbConnection connection, IReadOnlyList<long> postIds, int depth)
    {
        if (connection is NpgsqlConnection postgres)
        {
            var command = new NpgsqlCommand(Postgres, postgres);
            command.Parameters.Add(new NpgsqlParameter<long[]>("post_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. postIds] });
            command.Parameters.Add(new NpgsqlParameter<int>("depth", NpgsqlDbType.Integer) { TypedValue = depth });
            return command;
        }

        var sqlite = connection.CreateCommand();
        sqlite.CommandText = Sqlite(postIds.Count);
        for (var i = 0; i < postIds.Count; i++)
        {
            var parameter = sqlite.CreateParameter();
            parameter.ParameterName = $"$p{i}";
            parameter.Value = postIds[i];
            sqlite.Parameters.Add(parameter);
        }

        var depthParameter = sqlite.CreateParameter();
        depthParameter.ParameterName = "$depth";
        depthParameter.Value = depth;
        sqlite.Parameters.Add(depthParameter);
        return sqlite;
    }
}
