using Microsoft.Data.Sqlite;
using Monitor.Core.Metrics;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Core.Posts;

/// <summary>
/// The single-row statements of a SQLite post write (upsert returning the id, the history's spans), prepared once
/// and rebound per post: SQLite has no array parameters, and a prepared row statement is its fastest form.
/// </summary>
internal sealed class SqlitePostStatements : IAsyncDisposable
{
    private const int SqliteConstraintForeignKey = 787;

    private static readonly string UpsertSql = $"""
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  {MetricSql.Columns()}, {PostSignalSql.Columns()}, first_seen_at, last_seen_at)
        VALUES ($profile_id, $aweme_id, $description, $posted_at, $cover_url, $share_url, $duration_seconds,
                {MetricSql.Columns("$")}, {PostSignalSql.Columns("$")}, $now, $now)
        """ + "\n" + PostUpsertSql.OnConflictUpdate + "\nRETURNING id";

    private static readonly string[] MetricColumns = [.. PostMetrics.All.Select(m => m.Column)];

    private static readonly string[] SignalColumns = PostSignalSql.Columns().Split(", ");

    private readonly Guid _profileId;
    private readonly SqliteCommand _upsert;
    private readonly SqliteParameter[] _upsertRow;
    private readonly SqliteParameter _upsertNow;
    private readonly SqliteHistoryStatements _history;

    public SqlitePostStatements(SqliteConnection connection, Guid profileId)
    {
        _profileId = profileId;
        _upsert = new SqliteCommand(UpsertSql, connection);
        _upsertRow = CreateParameters(_upsert, ["aweme_id", "description", "posted_at", "cover_url", "share_url", "duration_seconds", .. MetricColumns, .. SignalColumns]);
        _upsert.Parameters.AddWithValue("$profile_id", profileId.ToString().ToUpperInvariant());
        _upsertNow = _upsert.Parameters.Add(new SqliteParameter("$now", null));
        _history = new SqliteHistoryStatements(connection);
    }

    /// <returns>The posts written for the profile (a post owned by another profile is skipped).</returns>
    public async Task<int> WriteAsync(SqliteTransaction? transaction, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        _upsert.Transaction = transaction;
        _upsertNow.Value = observedAt;
        var written = 0;
        try
        {
            foreach (var post in posts)
            {
                Bind(_upsertRow, [post.AwemeId, post.Description, post.PostedAt, post.CoverUrl, post.ShareUrl, post.DurationSeconds, .. Counters(post), .. PostSignalSql.Values(post)]);
                if (await _upsert.ExecuteScalarAsync(cancellationToken) is not long postId)
                {
                    continue;
                }

                await _history.RecordAsync(transaction, postId, observedAt, post.Metrics, cancellationToken);
                written++;
            }
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintForeignKey)
        {
            throw ProfileDeletedException.For(_profileId, ex);
        }

        return written;
    }

    public async ValueTask DisposeAsync()
    {
        await _upsert.DisposeAsync();
        await _history.DisposeAsync();
    }

    private static IEnumerable<object?> Counters(PostSnapshot post) => PostMetrics.All.Select(m => (object?)m.Get(post.Metrics));

    private static SqliteParameter[] CreateParameters(SqliteCommand command, string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter("$" + name, null)))];

    private static void Bind(SqliteParameter[] parameters, object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
