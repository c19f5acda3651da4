using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts.History;

/// <summary>
/// Records observations of posts already saved into the history's spans, in the caller's transaction if any: for
/// callers outside a run's page (imports, tests' seeds, benchmarks). Observations of one post are applied oldest first,
/// one statement per round so each sees the previous one's open span.
/// </summary>
public static class PostHistoryWriter
{
    public static async Task RecordAsync(MonitorDbContext db, IEnumerable<TikTokPostMetricsHistory> observations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var rounds = observations
            .Select(o => (PostId: o.Post?.Id ?? o.PostId, o.RecordedAt, o.Metrics))
            .GroupBy(o => o.PostId)
            .SelectMany(post => post.OrderBy(o => o.RecordedAt).Select((o, index) => (Round: index, Observation: o)))
            .GroupBy(o => o.Round, o => o.Observation)
            .OrderBy(round => round.Key)
            .Select(round => round.ToList())
            .ToList();
        if (rounds.Count == 0)
        {
            return;
        }

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            if (db.Database.GetDbConnection() is NpgsqlConnection postgres)
            {
                foreach (var round in rounds)
                {
                    await using var command = new NpgsqlCommand(PostgresHistorySql.FromArrays, postgres, (NpgsqlTransaction?)transaction);
                    command.Parameters.Add(new NpgsqlParameter<long[]>("post_ids", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. round.Select(o => o.PostId)] });
                    command.Parameters.Add(new NpgsqlParameter<DateTime[]>("ats", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                    {
                        TypedValue = [.. round.Select(o => DateTime.SpecifyKind(o.RecordedAt, DateTimeKind.Utc))],
                    });
                    foreach (var metric in Metrics.PostMetrics.All)
                    {
                        command.Parameters.Add(new NpgsqlParameter<long?[]>(metric.Column, NpgsqlDbType.Array | NpgsqlDbType.Bigint)
                        {
                            TypedValue = [.. round.Select(o => metric.Get(o.Metrics))],
                        });
                    }

                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                return;
            }

            await using var statements = new SqliteHistoryStatements((SqliteConnection)db.Database.GetDbConnection());
            foreach (var observation in rounds.SelectMany(round => round))
            {
                await statements.RecordAsync((SqliteTransaction?)transaction, observation.PostId, observation.RecordedAt, observation.Metrics, cancellationToken);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
