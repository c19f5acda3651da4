using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Runs;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Dispatch;

/// <summary>
/// Inserts many pending runs set-based: one statement from arrays on PostgreSQL, one prepared row statement in one
/// transaction on SQLite. A profile that has a run pending or running (the one-active partial unique index) or no longer
/// exists is skipped, not an error, so the batch never fails for one racing request.
/// </summary>
internal static class PendingRunInserter
{
    private const string Columns = "profile_id, status, trigger, attempt, created_at, scheduled_for, posts_scraped, pages_scraped, requests_made";
    private const string OnActive = "ON CONFLICT (profile_id) WHERE status IN ('pending', 'running') DO NOTHING";

    private const string PostgresSql = $"""
        INSERT INTO profile_monitoring_logs ({Columns})
        SELECT u.profile_id, 'pending', @trigger, @attempt, @now, u.scheduled_for, 0, 0, 0
        FROM unnest(@profile_ids, @scheduled_fors) AS u(profile_id, scheduled_for)
        WHERE EXISTS (SELECT 1 FROM tiktok_profiles p WHERE p.id = u.profile_id)
        {OnActive}
        RETURNING id, profile_id, scheduled_for
        """;

    private const string SqliteSql = $"""
        INSERT INTO profile_monitoring_logs ({Columns})
        SELECT $profile_id, 'pending', $trigger, $attempt, $now, $scheduled_for, 0, 0, 0
        WHERE EXISTS (SELECT 1 FROM tiktok_profiles p WHERE p.id = $profile_id)
        {OnActive}
        RETURNING id
        """;

    /// <returns>The runs created (profile id, log id, start), in no particular order.</returns>
    public static async Task<List<MonitoringRun>> InsertAsync(MonitorDbContext db, IReadOnlyList<DueRun> runs, MonitoringTrigger trigger, int attempt, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var created = db.Database.GetDbConnection() is NpgsqlConnection postgres
                ? await InsertPostgresAsync(postgres, runs, TriggerName(trigger), attempt, now, cancellationToken)
                : await InsertSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), runs, TriggerName(trigger), attempt, now, cancellationToken);
            return [.. created.Select(c => new MonitoringRun
            {
                Id = c.Id,
                ProfileId = c.Run.ProfileId,
                Trigger = trigger,
                Attempt = attempt,
                Status = MonitoringStatus.Pending,
                CreatedAt = now,
                ScheduledFor = c.Run.ScheduledFor,
            })];
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static string TriggerName(MonitoringTrigger trigger) => trigger.ToString().ToLowerInvariant();

    private static async Task<List<(long Id, DueRun Run)>> InsertPostgresAsync(NpgsqlConnection connection, IReadOnlyList<DueRun> runs, string trigger, int attempt, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("trigger", NpgsqlDbType.Varchar) { TypedValue = trigger });
        command.Parameters.Add(new NpgsqlParameter<int>("attempt", NpgsqlDbType.Integer) { TypedValue = attempt });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<Guid[]>("profile_ids", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. runs.Select(r => r.ProfileId)] });
        command.Parameters.Add(new NpgsqlParameter<DateTime[]>("scheduled_fors", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. runs.Select(r => r.ScheduledFor)] });
        var created = new List<(long Id, DueRun Run)>(runs.Count);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            created.Add((reader.GetInt64(0), new DueRun(reader.GetGuid(1), DateTime.SpecifyKind(reader.GetDateTime(2), DateTimeKind.Utc))));
        }

        return created;
    }

    private static async Task<List<(long Id, DueRun Run)>> InsertSqliteAsync(SqliteConnection connection, IReadOnlyList<DueRun> runs, string trigger, int attempt, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = new SqliteCommand(SqliteSql, connection, transaction);
        command.Parameters.AddWithValue("$trigger", trigger);
        command.Parameters.AddWithValue("$attempt", attempt);
        command.Parameters.AddWithValue("$now", now);
        var profileId = command.Parameters.Add(new SqliteParameter("$profile_id", null));
        var scheduledFor = command.Parameters.Add(new SqliteParameter("$scheduled_for", null));
        var created = new List<(long Id, DueRun Run)>(runs.Count);
        foreach (var run in runs)
        {
            profileId.Value = run.ProfileId.ToString().ToUpperInvariant();
            scheduledFor.Value = run.ScheduledFor;
            if (await command.ExecuteScalarAsync(cancellationToken) is long id)
            {
                created.Add((id, run));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return created;
    }
}
