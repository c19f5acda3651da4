using System.Collections.Concurrent;
using System.Data.Common;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Monitor.Benchmarks;

/// <summary>
/// The plan of every statement the app's services run, EF-generated or hand-written: the database loads PostgreSQL's
/// <c>auto_explain</c> for each session (plans in <c>EXPLAIN (FORMAT JSON)</c> form, sent to the client as notices) and this
/// interceptor listens on each connection EF opens. <see cref="Take"/> returns the plans seen since the last call.
/// </summary>
internal sealed class PlanCapture : DbConnectionInterceptor
{
    private const string HistoryPrefix = "tiktok_post_history";
    private readonly ConcurrentQueue<string> _plans = new();
    private readonly ConditionalWeakTable<NpgsqlConnection, object> _listening = [];

    /// <summary>Makes every new session of the database explain its statements (pools are cleared: sessions open before keep their settings).</summary>
    /// <param name="structuralOnly">
    /// Sequential scans only where no index can serve (<c>enable_seqscan = off</c>): at smoke size every table is a few
    /// pages and the planner rightly scans them, so only a missing index path is a finding there.
    /// </param>
    public static async Task EnableAsync(string connectionString, bool structuralOnly)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var setting in new[] { "session_preload_libraries = 'auto_explain'", "auto_explain.log_min_duration = 0", "auto_explain.log_format = 'json'", "auto_explain.log_level = 'notice'", structuralOnly ? "enable_seqscan = off" : "enable_seqscan = on" })
        {
            await using var command = new NpgsqlCommand($"ALTER DATABASE \"{database}\" SET {setting}", connection);
            await command.ExecuteNonQueryAsync();
        }

        NpgsqlConnection.ClearAllPools();
    }

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Listen(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Listen(connection);
        return Task.CompletedTask;
    }

    /// <summary>The plans (JSON) captured since the last call.</summary>
    public List<string> Take()
    {
        var plans = new List<string>();
        while (_plans.TryDequeue(out var plan))
        {
            plans.Add(plan);
        }

        return plans;
    }

    /// <summary>The history relations (tables, partitions) a plan reads with a sequential scan.</summary>
    public static IEnumerable<string> HistorySeqScans(string plan) =>
        Nodes(JsonDocument.Parse(plan).RootElement)
            .Where(n => n.Type == "Seq Scan" && n.Relation?.StartsWith(HistoryPrefix, StringComparison.Ordinal) == true)
            .Select(n => n.Relation!);

    /// <summary>
    /// Which of <paramref name="relations"/> hold rows (after the generator's ANALYZE): a sequential scan of an empty
    /// partition (the months ahead, the default one) reads no page, and is what the planner picks for any empty table.
    /// </summary>
    public static async Task<HashSet<string>> NonEmptyAsync(string connectionString, IReadOnlyCollection<string> relations)
    {
        if (relations.Count == 0)
        {
            return [];
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT relname FROM pg_class WHERE relname = ANY(@names) AND (relpages > 0 OR reltuples > 0)", connection);
        command.Parameters.AddWithValue("names", relations.ToArray());
        var found = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }

    /// <summary>The history partitions (or tables) a plan reads at all.</summary>
    public static IEnumerable<string> HistoryRelations(string plan) =>
        Nodes(JsonDocument.Parse(plan).RootElement)
            .Where(n => n.Relation?.StartsWith(HistoryPrefix, StringComparison.Ordinal) == true)
            .Select(n => n.Relation!);

    private static IEnumerable<(string? Type, string? Relation)> Nodes(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("Node Type", out var type))
            {
                yield return (type.GetString(), element.TryGetProperty("Relation Name", out var relation) ? relation.GetString() : null);
            }

            foreach (var property in element.EnumerateObject())
            {
                foreach (var node in Nodes(property.Value))
                {
                    yield return node;
                }
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                foreach (var node in Nodes(item))
                {
                    yield return node;
                }
            }
        }
    }

    private void Listen(DbConnection connection)
    {
        if (connection is NpgsqlConnection postgres && _listening.TryAdd(postgres, this))
        {
            postgres.Notice += (_, e) =>
            {
                var text = e.Notice.MessageText;
                var start = text.IndexOf('{', StringComparison.Ordinal);
                if (text.StartsWith("duration:", StringComparison.Ordinal) && start >= 0)
                {
                    _plans.Enqueue(text[start..]);
                }
            };
        }
    }
}
