using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// Real database errors on demand, the same on both providers: a trigger that makes one kind of write to the run
/// table fail the way a full disk or a lost connection would fail it (the statement errors, nothing is written).
/// </summary>
internal static class DatabaseFaults
{
    private const string TriggerName = "test_fault";

    /// <summary>Every update that sets a run's status to <paramref name="status"/> fails.</summary>
    public static Task FailUpdatesToStatusAsync(MonitorDbContext db, string status) =>
        CreateAsync(db, "UPDATE", $"NEW.status = '{status}'");

    /// <summary>Every new run (a queued run) fails to insert.</summary>
    public static Task FailInsertsAsync(MonitorDbContext db) => CreateAsync(db, "INSERT", null);

    public static async Task ClearAsync(MonitorDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var statement = db.Provider == DatabaseProvider.Postgres
            ? $"DROP TRIGGER IF EXISTS {TriggerName} ON profile_monitoring_logs"
            : $"DROP TRIGGER IF EXISTS {TriggerName}";
        await db.Database.ExecuteSqlRawAsync(statement);
    }

    private static async Task CreateAsync(MonitorDbContext db, string operation, string? when)
    {
        ArgumentNullException.ThrowIfNull(db);
        // Test-owned constants only: no input reaches this SQL.
        string[] statements = db.Provider == DatabaseProvider.Postgres
            ?
            [
                $"CREATE OR REPLACE FUNCTION {TriggerName}() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'simulated database fault'; END $$ LANGUAGE plpgsql",
                $"CREATE TRIGGER {TriggerName} BEFORE {operation} ON profile_monitoring_logs FOR EACH ROW {(when is null ? "" : $"WHEN ({when}) ")}EXECUTE FUNCTION {TriggerName}()",
            ]
            : [$"CREATE TRIGGER {TriggerName} BEFORE {operation} ON profile_monitoring_logs {(when is null ? "" : $"WHEN {when} ")}BEGIN SELECT RAISE(ABORT, 'simulated database fault'); END"];
        foreach (var statement in statements)
        {
            await db.Database.ExecuteSqlRawAsync(statement);
        }
    }
}
