using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Runs;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Dispatch;

/// <summary>
/// The queue's claim: up to n due pending runs become running with a claim token, a start and a first heartbeat, manual
/// runs first, then by due time. On PostgreSQL one statement that skips rows another worker is claiming (FOR UPDATE SKIP
/// LOCKED), so workers claim disjoint runs without waiting on each other; on SQLite (one process) the same in one
/// transaction. The range <c>status = 'pending' AND scheduled_for &lt;= due</c> is served by the (status, scheduled_for)
/// index; only the due rows are sorted (docs/run-queue.md says why the index does not also order by manual first).
/// </summary>
internal static class DueRunClaimer
{
    private const string Returning = "RETURNING id, profile_id, claim_token, trigger, attempt, full_scan_requested";

    private const string Order = "ORDER BY (trigger = 'manual') DESC, scheduled_for, id";

    // The picked rows in a CTE, not "id IN (subquery)": a CTE with FOR UPDATE runs once, where a subquery the planner
    // turns into a join may run again and claim more than @max.
    private const string PostgresSql = $"""
        WITH picked AS (
            SELECT id FROM profile_monitoring_logs
            WHERE status = 'pending' AND scheduled_for <= @due
            {Order}
            LIMIT @max
            FOR UPDATE SKIP LOCKED)
        UPDATE profile_monitoring_logs AS l
        SET status = 'running', claim_token = gen_random_uuid(), started_at = @now, heartbeat_at = @now, scan_window_hours = NULL
        FROM picked
        WHERE l.id = picked.id
        RETURNING l.id, l.profile_id, l.claim_token, l.trigger, l.attempt, l.full_scan_requested
        """;

    private const string SqliteCandidatesSql = $"""
        SELECT id FROM profile_monitoring_logs
        WHERE status = 'pending' AND scheduled_for <= $due
        {Order}
        LIMIT $max
        """;

    private const string SqliteClaimSql = $"""
        UPDATE profile_monitoring_logs
        SET status = 'running', claim_token = $token, started_at = $now, heartbeat_at = $now, scan_window_hours = NULL
        WHERE id = $id AND status = 'pending'
        {Returning}
        """;

    public static async Task<List<ClaimedRun>> ClaimAsync(MonitorDbContext db, int max, DateTime due, DateTime now, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return db.Database.GetDbConnection() is NpgsqlConnection postgres
                ? await ClaimPostgresAsync(postgres, max, due, now, cancellationToken)
                : await ClaimSqliteAsync((SqliteConnection)db.Database.GetDbConnection(), max, due, now, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <returns>The due time of the earliest pending run, or null when none waits.</returns>
    public static async Task<DateTime?> NextDueAsync(MonitorDbContext db, CancellationToken cancellationToken)
    {
        var next = await db.Runs.Where(l => l.Status == MonitoringStatus.Pending)
            .OrderBy(l => l.ScheduledFor).Select(l => (DateTime?)l.ScheduledFor).FirstOrDefaultAsync(cancellationToken);
        return next is { } at ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : null;
    }

    private static async Task<List<ClaimedRun>> ClaimPostgresAsync(NpgsqlConnection connection, int max, DateTime due, DateTime now, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresSql, connection);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = now });
        command.Parameters.Add(new NpgsqlParameter<DateTime>("due", NpgsqlDbType.TimestampTz) { TypedValue = due });
        command.Parameters.Add(new NpgsqlParameter<int>("max", NpgsqlDbType.Integer) { TypedValue = max });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var claimed = new List<ClaimedRun>(max);
        while (await reader.ReadAsync(cancellationToken))
        {
            claimed.Add(Read(reader));
        }

        return claimed;
    }

    private static async Task<List<ClaimedRun>> ClaimSqliteAsync(SqliteConnection connection, int max, DateTime due, DateTime now, CancellationToken cancellationToken)
    {
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var ids = new List<long>(max);
        await using (var select = new SqliteCommand(SqliteCandidatesSql, connection, transaction))
        {
            select.Parameters.AddWithValue("$due", due);
            select.Parameters.AddWithValue("$max", max);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                ids.Add(reader.GetInt64(0));
            }
        }

        var claimed = new List<ClaimedRun>(ids.Count);
        await using var claim = new SqliteCommand(SqliteClaimSql, connection, transaction);
        claim.Parameters.AddWithValue("$now", now);
        var id = claim.Parameters.Add(new SqliteParameter("$id", null));
        var token = claim.Parameters.Add(new SqliteParameter("$token", null));
        foreach (var candidate in ids)
        {
            id.Value = candidate;
            token.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            await using var reader = await claim.ExecuteReaderAsync(cancellationToken);
            if (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(Read(reader));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return claimed;
    }

    private static ClaimedRun Read(System.Data.Common.DbDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetGuid(1),
        reader.GetGuid(2),
        Enum.Parse<MonitoringTrigger>(reader.GetString(3), ignoreCase: true),
        reader.GetInt32(4),
        reader.GetBoolean(5));
}
