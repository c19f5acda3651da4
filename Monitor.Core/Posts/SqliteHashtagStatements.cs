using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Monitor.Core.Posts;

/// <summary>
/// A post's hashtag rows brought to its reported set with two prepared statements: tags no longer there deleted, new
/// ones inserted (the set passed as a JSON array); an unchanged set writes nothing.
/// </summary>
internal sealed class SqliteHashtagStatements : IAsyncDisposable
{
    private const string RemoveSql = """
        DELETE FROM tiktok_post_hashtags
        WHERE post_id = $post_id AND tag NOT IN (SELECT value FROM json_each($tags))
        """;

    private const string AddSql = """
        INSERT OR IGNORE INTO tiktok_post_hashtags (post_id, tag)
        SELECT $post_id, value FROM json_each($tags)
        """;

    private readonly SqliteCommand _remove;
    private readonly SqliteCommand _add;

    public SqliteHashtagStatements(SqliteConnection connection)
    {
        _remove = new SqliteCommand(RemoveSql, connection);
        _add = new SqliteCommand(AddSql, connection);
        foreach (var command in new[] { _remove, _add })
        {
            command.Parameters.Add(new SqliteParameter("$post_id", null));
            command.Parameters.Add(new SqliteParameter("$tags", null));
        }
    }

    public async Task WriteAsync(SqliteTransaction? transaction, long postId, IReadOnlyList<string> tags, CancellationToken cancellationToken)
    {
        var json = JsonSerializer.Serialize(tags);
        _remove.Transaction = transaction;
        _remove.Parameters[0].Value = postId;
        _remove.Parameters[1].Value = json;
        await _remove.ExecuteNonQueryAsync(cancellationToken);
        if (tags.Count == 0)
        {
            return;
        }

        _add.Transaction = transaction;
        _add.Parameters[0].Value = postId;
        _add.Parameters[1].Value = json;
        await _add.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _remove.DisposeAsync();
        await _add.DisposeAsync();
    }
}
