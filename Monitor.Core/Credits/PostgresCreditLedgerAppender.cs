using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Credits;

/// <summary>
/// <see cref="CreditLedgerAppender"/> on PostgreSQL: the entries, their attributions and the month totals they move in
/// one statement from arrays (a batch a second on a busy worker; through EF its entries and attributions cost about a
/// millisecond of CPU per ten). The totals are added in (month, workspace) order, as on the other path, so two writers
/// lock them in the same order.
/// </summary>
internal static class PostgresCreditLedgerAppender
{
    private static readonly string Sql = $"""
        WITH entry AS (
            INSERT INTO credit_ledger (at, day, profile_id, log_id, endpoint, status_code, credits, credits_remaining)
            SELECT * FROM unnest(@at, @day, @profile_id, @log_id, @endpoint, @status_code, @credits, @credits_remaining)
            RETURNING id, profile_id, day, credits),
        attribution AS (
            INSERT INTO credit_ledger_workspaces (entry_id, workspace_id)
            SELECT entry.id, link.workspace_id FROM entry JOIN workspace_profiles link ON link.profile_id = entry.profile_id
            RETURNING entry_id, workspace_id),
        move AS (
            SELECT date_trunc('month', day)::date AS month, '{CreditMonthTotal.Instance}'::uuid AS workspace_id, credits FROM entry
            UNION ALL
            SELECT date_trunc('month', entry.day)::date, attribution.workspace_id, entry.credits
            FROM attribution JOIN entry ON entry.id = attribution.entry_id)
        INSERT INTO credit_month_totals AS total (month, workspace_id, credits)
        SELECT month, workspace_id, sum(credits) FROM move
        GROUP BY month, workspace_id HAVING sum(credits) <> 0
        ORDER BY month, workspace_id
        ON CONFLICT (month, workspace_id) DO UPDATE SET credits = total.credits + excluded.credits
        """;

    public static async Task AppendAsync(MonitorDbContext db, IReadOnlyList<CreditLedgerEntry> entries, CancellationToken cancellationToken)
    {
        var opened = await DirectSql.OpenIfClosedAsync(db, cancellationToken);
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        try
        {
            await using var command = new NpgsqlCommand(Sql, connection, (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction());
            command.Parameters.Add(new NpgsqlParameter<DateTime[]>("at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { TypedValue = [.. entries.Select(e => e.At)] });
            command.Parameters.Add(new NpgsqlParameter<DateOnly[]>("day", NpgsqlDbType.Array | NpgsqlDbType.Date) { TypedValue = [.. entries.Select(e => e.Day)] });
            command.Parameters.Add(new NpgsqlParameter<Guid?[]>("profile_id", NpgsqlDbType.Array | NpgsqlDbType.Uuid) { TypedValue = [.. entries.Select(e => e.ProfileId)] });
            command.Parameters.Add(new NpgsqlParameter<long?[]>("log_id", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.LogId)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("endpoint", NpgsqlDbType.Array | NpgsqlDbType.Varchar) { TypedValue = [.. entries.Select(e => e.Endpoint)] });
            command.Parameters.Add(new NpgsqlParameter<int[]>("status_code", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. entries.Select(e => e.StatusCode)] });
            command.Parameters.Add(new NpgsqlParameter<int[]>("credits", NpgsqlDbType.Array | NpgsqlDbType.Integer) { TypedValue = [.. entries.Select(e => e.Credits)] });
            command.Parameters.Add(new NpgsqlParameter<long?[]>("credits_remaining", NpgsqlDbType.Array | NpgsqlDbType.Bigint) { TypedValue = [.. entries.Select(e => e.CreditsRemaining)] });
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            await DirectSql.CloseIfOpenedAsync(db, opened);
        }
    }
}
