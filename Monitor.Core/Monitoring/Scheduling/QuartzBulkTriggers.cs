using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Npgsql;
using NpgsqlTypes;
using Quartz;
using Quartz.Impl;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>
/// Writes many run triggers into Quartz's PostgreSQL job store set-based: three data-modifying statements from arrays
/// in one transaction, where <see cref="IScheduler.ScheduleJobs"/> spends about eight statements a trigger (10,000
/// triggers: 77 s against well under a second). Every column Quartz itself decides (type, state, misfire instruction,
/// execution group, flags of Quartz 4 this app never sets) is copied from a template job and trigger that Quartz wrote
/// through its own API and that never fires; only the keys, the fire time, the priority and the job data differ, the
/// job data encoded as Quartz's own serializer encodes it (<see cref="QuartzJobDataEncoding"/>). Before the first use the template's stored job data and times are
/// compared with what this class would write; a store that disagrees (another Quartz version, another encoding) is
/// left to the scheduler's API. The scheduler finds triggers written this way on its next acquisition, within its idle
/// wait of a second, as every node of a cluster does (<see cref="RunQueue.EnqueueManyAsync"/> wakes this process's at once).
/// </summary>
public sealed class QuartzBulkTriggers(DatabaseSettings database, ILogger<QuartzBulkTriggers> logger)
{
    public const string TemplateGroup = RunQueue.RunGroup + "-template";

    internal static readonly JobKey TemplateJobKey = new("template", TemplateGroup);
    internal static readonly TriggerKey TemplateTriggerKey = new("template", TemplateGroup);

    /// <summary>Far enough ahead never to fire, within what Quartz stores.</summary>
    private static readonly DateTimeOffset TemplateFireAt = new(2999, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Prefix = QuartzSchema.TablePrefix;

    private static readonly SystemTextJsonObjectSerializer Serializer = new();
    private readonly QuartzJobDataEncoding _logIds = new(Serializer, MonitoringRunJob.LogIdKey);
    private readonly QuartzJobDataEncoding _profileIds = new(Serializer, MonitoringRunJob.ProfileIdKey);
    private string? _sql;
    private bool _refused;

    /// <summary>False on SQLite (the in-memory store is fast already) and once a store was found to disagree.</summary>
    public bool Applies => database.Provider == DatabaseProvider.Postgres && !_refused;

    /// <returns>False when the store cannot be written this way: the caller schedules through the API instead.</returns>
    internal async Task<bool> TryWriteAsync(IScheduler scheduler, IReadOnlyCollection<IJobDetail> jobs, IReadOnlyCollection<ITrigger> triggers, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!Applies)
        {
            return false;
        }

        await EnsureTemplateAsync(scheduler, cancellationToken);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        var sql = await PrepareAsync(connection, scheduler.SchedulerName, cancellationToken);
        if (sql is null)
        {
            return false;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The lock Quartz itself holds while it stores or acquires triggers, so an acquisition never sees half a batch.
        await using (var lockCommand = new NpgsqlCommand(
            $"SELECT 1 FROM {Prefix}locks WHERE sched_name = @sched AND lock_name = 'TRIGGER_ACCESS' FOR UPDATE", connection, transaction))
        {
            lockCommand.Parameters.AddWithValue("sched", scheduler.SchedulerName);
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("sched", scheduler.SchedulerName);
        command.Parameters.AddWithValue("group", RunQueue.RunGroup);
        command.Parameters.AddWithValue("template_group", TemplateGroup);
        command.Parameters.AddWithValue("template_name", TemplateTriggerKey.Name);
        AddArray(command, "job_names", NpgsqlDbType.Text, jobs.Select(j => j.Key.Name));
        AddArray(command, "job_datas", NpgsqlDbType.Bytea, jobs.Select(j => _profileIds.Encode(j.JobDataMap.GetString(MonitoringRunJob.ProfileIdKey)!)));
        AddArray(command, "names", NpgsqlDbType.Text, triggers.Select(t => t.Key.Name));
        AddArray(command, "jobs", NpgsqlDbType.Text, triggers.Select(t => t.JobKey.Name));
        AddArray(command, "fires", NpgsqlDbType.Bigint, triggers.Select(t => t.StartTimeUtc.UtcTicks));
        AddArray(command, "priorities", NpgsqlDbType.Integer, triggers.Select(t => t.Priority));
        AddArray(command, "datas", NpgsqlDbType.Bytea, triggers.Select(t => _logIds.Encode(t.JobDataMap.GetString(MonitoringRunJob.LogIdKey)!)));
        // One simple-trigger row for each trigger written. Fewer: the template went missing meanwhile (a cleared
        // scheduler) or a trigger already existed; the scheduler's API then stores the batch, so no run is left without one.
        if (await command.ExecuteNonQueryAsync(cancellationToken) != triggers.Count)
        {
            await transaction.RollbackAsync(cancellationToken);
            logger.LogWarning("Set-based trigger write skipped: its template is gone or a trigger existed; storing {Count} trigger(s) through the scheduler", triggers.Count);
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Stores the template and builds the statement at start, so that the first batch (an Update Now of many profiles,
    /// the first sweep) does not pay for them; a failure here is left to that first batch.
    /// </summary>
    public async Task WarmUpAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheduler);
        if (!Applies)
        {
            return;
        }

        try
        {
            await EnsureTemplateAsync(scheduler, cancellationToken);
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await PrepareAsync(connection, scheduler.SchedulerName, cancellationToken);
        }
        catch (Exception ex) when (ex is SchedulerException or NpgsqlException)
        {
            logger.LogWarning(ex, "The set-based trigger write could not be prepared at start; the first batch prepares it");
        }
    }

    private static async Task EnsureTemplateAsync(IScheduler scheduler, CancellationToken cancellationToken)
    {
        if (!await scheduler.Exists(TemplateTriggerKey, cancellationToken))
        {
            // Stored again with the same definition should two nodes race here.
            await scheduler.ScheduleJobs(new Dictionary<IJobDetail, IReadOnlyCollection<ITrigger>>
            {
                [RunQueue.JobFor(TemplateJobKey, Guid.Empty)] = [RunQueue.TriggerFor(TemplateTriggerKey, TemplateJobKey, 0, RunQueue.ScheduledPriority, TemplateFireAt)],
            }, ScheduleJobOptions.Replacing, cancellationToken);
        }
    }

    private static void AddArray<T>(NpgsqlCommand command, string name, NpgsqlDbType type, IEnumerable<T> values) =>
        command.Parameters.Add(new NpgsqlParameter<T[]>(name, NpgsqlDbType.Array | type) { TypedValue = [.. values] });

    /// <summary>The statement, built once from the store's own columns after checking the template; null when refused.</summary>
    private async Task<string?> PrepareAsync(NpgsqlConnection connection, string schedulerName, CancellationToken cancellationToken)
    {
        if (_sql is not null || _refused)
        {
            return _sql;
        }

        // Two callers at once both check and build the same statement: harmless, and only until the first succeeds.
        if (await TemplateAgreesAsync(connection, schedulerName, cancellationToken))
        {
            _sql = await BuildSqlAsync(connection, cancellationToken);
        }
        else
        {
            _refused = true;
            logger.LogWarning("Quartz's job store does not store triggers as expected: runs are queued through the scheduler, one trigger at a time");
        }

        return _sql;
    }

    private async Task<bool> TemplateAgreesAsync(NpgsqlConnection connection, string schedulerName, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"""
            SELECT t.start_time, t.next_fire_time, t.job_data, j.job_data
            FROM {Prefix}triggers t JOIN {Prefix}job_details j ON j.sched_name = t.sched_name AND j.job_name = t.job_name AND j.job_group = t.job_group
            WHERE t.sched_name = @sched AND t.trigger_name = @name AND t.trigger_group = @group
            """, connection);
        command.Parameters.AddWithValue("sched", schedulerName);
        command.Parameters.AddWithValue("name", TemplateTriggerKey.Name);
        command.Parameters.AddWithValue("group", TemplateGroup);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return false;
        }

        var template = RunQueue.TriggerFor(TemplateTriggerKey, TemplateJobKey, 0, RunQueue.ScheduledPriority, TemplateFireAt);
        var job = RunQueue.JobFor(TemplateJobKey, Guid.Empty);
        return reader.GetInt64(0) == TemplateFireAt.UtcTicks
            && reader.GetInt64(1) == TemplateFireAt.UtcTicks
            && reader.GetFieldValue<byte[]>(2).AsSpan().SequenceEqual(Serializer.Serialize(template.JobDataMap))
            && reader.GetFieldValue<byte[]>(3).AsSpan().SequenceEqual(Serializer.Serialize(job.JobDataMap))
            && _logIds.Agrees("0") && _logIds.Agrees(long.MaxValue.ToString(System.Globalization.CultureInfo.InvariantCulture))
            && _profileIds.Agrees(Guid.Empty.ToString()) && _profileIds.Agrees(Guid.NewGuid().ToString());
    }

    /// <summary>
    /// One statement: the jobs not stored yet, the triggers, and their simple-trigger rows (Quartz's foreign keys are
    /// checked at the end of the statement, when all three are in).
    /// </summary>
    private static async Task<string> BuildSqlAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var jobColumns = await ColumnsAsync(connection, "job_details", cancellationToken);
        var triggerColumns = await ColumnsAsync(connection, "triggers", cancellationToken);
        var simpleColumns = await ColumnsAsync(connection, "simple_triggers", cancellationToken);
        var jobValues = Values(jobColumns, "j", new()
        {
            ["job_name"] = "u.job_name",
            ["job_group"] = "@group",
            ["job_data"] = "u.job_data",
        });
        var triggerValues = Values(triggerColumns, "t", new()
        {
            ["trigger_name"] = "u.name",
            ["trigger_group"] = "@group",
            ["job_name"] = "u.job",
            ["job_group"] = "@group",
            ["next_fire_time"] = "u.fire",
            ["start_time"] = "u.fire",
            ["priority"] = "u.priority",
            ["job_data"] = "u.data",
        });
        var simpleValues = Values(simpleColumns, "s", new()
        {
            ["trigger_name"] = "added.trigger_name",
            ["trigger_group"] = "@group",
        });
        return $"""
            WITH new_jobs AS (
                INSERT INTO {Prefix}job_details ({string.Join(", ", jobColumns)})
                SELECT {jobValues}
                FROM unnest(@job_names, @job_datas) AS u(job_name, job_data)
                CROSS JOIN {Prefix}job_details j
                WHERE j.sched_name = @sched AND j.job_name = @template_name AND j.job_group = @template_group
                ON CONFLICT DO NOTHING
            ), added AS (
                INSERT INTO {Prefix}triggers ({string.Join(", ", triggerColumns)})
                SELECT {triggerValues}
                FROM unnest(@names, @jobs, @fires, @priorities, @datas) AS u(name, job, fire, priority, data)
                CROSS JOIN {Prefix}triggers t
                WHERE t.sched_name = @sched AND t.trigger_name = @template_name AND t.trigger_group = @template_group
                ON CONFLICT DO NOTHING
                RETURNING trigger_name
            )
            INSERT INTO {Prefix}simple_triggers ({string.Join(", ", simpleColumns)})
            SELECT {simpleValues}
            FROM added
            CROSS JOIN {Prefix}simple_triggers s
            WHERE s.sched_name = @sched AND s.trigger_name = @template_name AND s.trigger_group = @template_group
            """;
    }

    private static string Values(List<string> columns, string template, Dictionary<string, string> replaced) =>
        string.Join(", ", columns.Select(c => replaced.TryGetValue(c, out var value) ? value : $"{template}.{c}"));

    private static async Task<List<string>> ColumnsAsync(NpgsqlConnection connection, string table, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = @table ORDER BY ordinal_position",
            connection);
        command.Parameters.AddWithValue("table", Prefix + table);
        var columns = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            columns.Add(reader.GetString(0));
        }

        return columns;
    }
}
