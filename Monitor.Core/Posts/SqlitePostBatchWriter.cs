using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;

namespace Monitor.Core.Posts;

/// <summary>
/// SQLite has no array parameters; a prepared single-row statement rebound inside one transaction is its fastest form.
/// </summary>
internal sealed class SqlitePostBatchWriter : IPostBatchWriter
{
    private const int SqliteConstraintForeignKey = 787;

    private static readonly string UpsertSql = $"""
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  {MetricSql.Columns()}, first_seen_at, last_seen_at)
        VALUES ($profile_id, $aweme_id, $description, $posted_at, $cover_url, $share_url, $duration_seconds,
                {MetricSql.Columns("$")}, $now, $now)
        """ + "\n" + PostUpsertSql.OnConflictUpdate + "\nRETURNING id";

    private static readonly string HistorySql = $"""
        INSERT INTO tiktok_post_metrics_history (post_id, {MetricSql.Columns()}, recorded_at)
        VALUES ($post_id, {MetricSql.Columns("$")}, $now)
        """;

    private static readonly string[] MetricColumns = [.. PostMetrics.All.Select(m => m.Column)];

    public async Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(posts);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();

        await using var upsert = new SqliteCommand(UpsertSql, connection, transaction);
        var upsertParameters = CreateParameters(upsert, ["aweme_id", "description", "posted_at", "cover_url", "share_url", "duration_seconds", .. MetricColumns]);
        upsert.Parameters.AddWithValue("$profile_id", profileId.ToString().ToUpperInvariant());
        upsert.Parameters.AddWithValue("$now", observedAt);

        await using var history = new SqliteCommand(HistorySql, connection, transaction);
        var historyParameters = CreateParameters(history, ["post_id", .. MetricColumns]);
        history.Parameters.AddWithValue("$now", observedAt);

        var written = 0;
        try
        {
            foreach (var post in posts)
            {
                Bind(upsertParameters, [post.AwemeId, post.Description, post.PostedAt, post.CoverUrl, post.ShareUrl, post.DurationSeconds, .. Counters(post)]);
                if (await upsert.ExecuteScalarAsync(cancellationToken) is not long postId)
                {
                    continue;
                }

                Bind(historyParameters, [postId, .. Counters(post)]);
                await history.ExecuteNonQueryAsync(cancellationToken);
                written++;
            }
        }
        catch (SqliteException ex) when (ex.SqliteExtendedErrorCode == SqliteConstraintForeignKey)
        {
            throw ProfileDeletedException.For(profileId, ex);
        }

        return written;
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
