using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Posts.History;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// The newest N snapshots of each post of a page, reading only those rows through the (post_id, recorded_at DESC)
/// index: one LATERAL top-N query on PostgreSQL; on SQLite (in process, no round trips) one prepared top-N statement
/// rebound per post, measured faster than a window over the page's posts, which sorts every snapshot of the page.
/// (EF's translation numbered every row of the whole history table before filtering by post.)
/// </summary>
internal static class NewestSnapshotsQuery
{
    private static readonly string Postgres = $"""
        SELECT h.post_id, {MetricSql.Columns("h.")}, h.recorded_at
        FROM unnest(@post_ids) AS p(id)
        CROSS JOIN LATERAL (
            SELECT * FROM {HistoryStorageSql.ObservationsView} x
            WHERE x.post_id = p.id
            ORDER BY x.recorded_at DESC
            LIMIT @depth
        ) h
        """;

    private static readonly string Sqlite = $"""
        SELECT post_id, {MetricSql.Columns()}, recorded_at
        FROM {HistoryStorageSql.ObservationsView}
        WHERE post_id = $post_id
        ORDER BY recorded_at DESC
        LIMIT $depth
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
            var connection = db.Database.GetDbConnection();
            if (connection is NpgsqlConnection postgres)
            {
                await using var command = new NpgsqlCommand(Postgres, postgres);
                command.Parameters.Add(new NpgsqlParameter<long[]>("post_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. postIds] });
                command.Parameters.Add(new NpgsqlParameter<int>("depth", NpgsqlDbType.Integer) { TypedValue = depth });
                await ReadAsync(command, result, depth, cancellationToken);
            }
            else
            {
                await using var command = connection.CreateCommand();
                command.CommandText = Sqlite;
                var postId = AddParameter(command, "$post_id", 0L);
                AddParameter(command, "$depth", depth);
                command.Prepare();
                foreach (var id in postIds)
                {
                    postId.Value = id;
                    await ReadAsync(command, result, depth, cancellationToken);
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return result;
    }

    private static async Task ReadAsync(DbCommand command, Dictionary<long, List<MetricsSnapshotDto>> result, int depth, CancellationToken cancellationToken)
    {
        var metrics = PostMetrics.All;
        var values = new long?[metrics.Count];
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var postId = reader.GetInt64(0);
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = reader.IsDBNull(1 + i) ? null : reader.GetInt64(1 + i);
            }

            var snapshot = new MetricsSnapshotDto(
                PostMetrics.From(m => values[IndexOf(metrics, m)]),
                DateTime.SpecifyKind(reader.GetDateTime(1 + metrics.Count), DateTimeKind.Utc));
            if (!result.TryGetValue(postId, out var list))
            {
                result[postId] = list = new List<MetricsSnapshotDto>(depth);
            }

            list.Add(snapshot);
        }
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

    private static DbParameter AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
