using Quartz;

namespace Monitor.Core.Scheduling;

/// <summary>
/// Quartz's own PostgreSQL schema script (embedded in Quartz.dll), applied by an EF migration so that the job store's
/// tables arrive with the rest of the database. The script only creates what is missing.
/// </summary>
public static class QuartzSchema
{
    public const string TablePrefix = "qrtz_";

    private const string PostgresResource = "Quartz.Impl.AdoJobStore.Schema.create_postgres.sql";

    private static readonly string[] Tables =
    [
        "fired_triggers", "paused_trigger_grps", "paused_job_grps", "scheduler_state", "locks", "simple_triggers",
        "cron_triggers", "simprop_triggers", "blob_triggers", "calendars", "execution_history", "misfire_history", "job_status",
        "triggers", "job_details",
    ];

    public static IEnumerable<string> PostgresDropStatements() =>
        Tables.Select(table => $"DROP TABLE IF EXISTS {TablePrefix}{table} CASCADE;");

    public static string PostgresCreateScript()
    {
        using var stream = typeof(IJob).Assembly.GetManifestResourceStream(PostgresResource)
            ?? throw new InvalidOperationException($"Quartz.dll no longer embeds {PostgresResource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Replace("{0}", TablePrefix, StringComparison.Ordinal).Replace("{1}", TablePrefix, StringComparison.Ordinal);
    }
}
