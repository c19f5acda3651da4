using Microsoft.Data.Sqlite;
using Monitor.Core.Metrics;

namespace Monitor.Core.Posts.History;

/// <summary>
/// The SQLite write of one observation into spans (docs/history-storage.md): prepared once and rebound per observation,
/// like the post upsert beside it. The open span is read, and the observation appended to it as a repeat (same counters,
/// same half month), or the open span is closed into the history and replaced; an observation not after the open span's
/// newest (a late bulk post) becomes its own closed row.
/// </summary>
internal sealed class SqliteHistoryStatements : IAsyncDisposable
{
    private static readonly string Counters = MetricSql.Columns();

    private static readonly string[] Names = ["$at", "$offset"];

    private readonly SqliteCommand _read;
    private readonly SqliteCommand _append;
    private readonly SqliteCommand _close;
    private readonly SqliteCommand _open;
    private readonly SqliteCommand _late;

    public SqliteHistoryStatements(SqliteConnection connection)
    {
        _read = Command(connection, $"SELECT first_at, {Counters}, json_extract(repeats, '$[#-1]') FROM {HistoryStorageSql.OpenTable} WHERE post_id = $post_id");
        _append = Command(connection, $"UPDATE {HistoryStorageSql.OpenTable} SET repeats = json_insert(COALESCE(repeats, '[]'), '$[#]', $offset) WHERE post_id = $post_id");
        _close = Command(connection, $"INSERT OR IGNORE INTO {HistoryStorageSql.Table} (post_id, first_at, {Counters}, repeats) SELECT post_id, first_at, {Counters}, repeats FROM {HistoryStorageSql.OpenTable} WHERE post_id = $post_id");
        _open = Command(connection, $"""
            INSERT INTO {HistoryStorageSql.OpenTable} (post_id, first_at, {Counters}) VALUES ($post_id, $at, {MetricSql.Columns("$")})
            ON CONFLICT (post_id) DO UPDATE SET first_at = excluded.first_at, repeats = NULL,
                {string.Join(", ", PostMetrics.All.Select(m => $"{m.Column} = excluded.{m.Column}"))}
            """);
        _late = Command(connection, $"INSERT OR IGNORE INTO {HistoryStorageSql.Table} (post_id, first_at, {Counters}) VALUES ($post_id, $at, {MetricSql.Columns("$")})");
    }

    public async Task RecordAsync(SqliteTransaction? transaction, long postId, DateTime at, PostMetrics metrics, CancellationToken cancellationToken)
    {
        foreach (var command in new[] { _read, _append, _close, _open, _late })
        {
            command.Transaction = transaction;
            command.Parameters["$post_id"].Value = postId;
        }

        DateTime? openFirst = null;
        var same = false;
        var newest = DateTime.MinValue;
        await using (var reader = await _read.ExecuteReaderAsync(cancellationToken))
        {
            if (await reader.ReadAsync(cancellationToken))
            {
                var first = reader.GetDateTime(0);
                openFirst = first;
                var open = new PostMetrics(Counter(reader, 1), Counter(reader, 2), Counter(reader, 3), Counter(reader, 4), Counter(reader, 5));
                newest = reader.IsDBNull(6) ? first : first.AddMilliseconds(reader.GetInt64(6));
                same = open == metrics && HistorySpanRules.HalfMonthStart(first) == HistorySpanRules.HalfMonthStart(at);
            }
        }

        if (openFirst is { } firstAt && at <= newest)
        {
            if (at != firstAt)
            {
                Bind(_late, at, metrics);
                await _late.ExecuteNonQueryAsync(cancellationToken);
            }

            return;
        }

        if (same)
        {
            _append.Parameters["$offset"].Value = HistorySpanRules.OffsetMilliseconds(openFirst!.Value, at);
            await _append.ExecuteNonQueryAsync(cancellationToken);
            return;
        }

        if (openFirst is not null)
        {
            await _close.ExecuteNonQueryAsync(cancellationToken);
        }

        Bind(_open, at, metrics);
        await _open.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _read, _append, _close, _open, _late })
        {
            await command.DisposeAsync();
        }
    }

    private static long? Counter(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    private static void Bind(SqliteCommand command, DateTime at, PostMetrics metrics)
    {
        command.Parameters["$at"].Value = at;
        foreach (var metric in PostMetrics.All)
        {
            command.Parameters["$" + metric.Column].Value = (object?)metric.Get(metrics) ?? DBNull.Value;
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, string sql)
    {
        var command = new SqliteCommand(sql, connection);
        command.Parameters.Add(new SqliteParameter("$post_id", null));
        foreach (var name in Names.Concat(PostMetrics.All.Select(m => "$" + m.Column)).Where(sql.Contains))
        {
            command.Parameters.Add(new SqliteParameter(name, null));
        }

        return command;
    }
}
