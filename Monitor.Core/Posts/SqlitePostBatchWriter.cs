using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Posts;

/// <summary>
/// SQLite has no array parameters; a prepared single-row statement rebound inside one transaction is its fastest form.
/// </summary>
internal sealed class SqlitePostBatchWriter : IPostBatchWriter
{
    private const int SqliteConstraintForeignKey = 787;

    private const string UpsertSql = """
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  views, likes, shares, comments, saves, first_seen_at, last_seen_at)
        VALUES ($profile_id, $aweme_id, $description, $posted_at, $cover_url, $share_url, $duration_seconds,
                $views, $likes, $shares, $comments, $saves, $now, $now)
        """ + "\n" + PostUpsertSql.OnConflictUpdate + "\nRETURNING id";

    private const string HistorySql = """
        INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at)
        VALUES ($post_id, $views, $likes, $shares, $comments, $saves, $now)
        """;

    public async Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(posts);
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = (SqliteTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();

        await using var upsert = new SqliteCommand(UpsertSql, connection, transaction);
        var upsertParameters = CreateParameters(upsert, "aweme_id", "description", "posted_at", "cover_url", "share_url", "duration_seconds",
            "views", "likes", "shares", "comments", "saves");
        upsert.Parameters.AddWithValue("$profile_id", profileId.ToString().ToUpperInvariant());
        upsert.Parameters.AddWithValue("$now", observedAt);

        await using var history = new SqliteCommand(HistorySql, connection, transaction);
        var historyParameters = CreateParameters(history, "post_id", "views", "likes", "shares", "comments", "saves");
        history.Parameters.AddWithValue("$now", observedAt);

        var written = 0;
        try
        {
            foreach (var post in posts)
            {
                Bind(upsertParameters, post.AwemeId, post.Description, post.PostedAt, post.CoverUrl, post.ShareUrl, post.DurationSeconds,
                    post.Views, post.Likes, post.Shares, post.Comments, post.Saves);
                if (await upsert.ExecuteScalarAsync(cancellationToken) is not long postId)
                {
                    continue;
                }

                Bind(historyParameters, postId, post.Views, post.Likes, post.Shares, post.Comments, post.Saves);
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

    private static SqliteParameter[] CreateParameters(SqliteCommand command, params string[] names) =>
        [.. names.Select(name => command.Parameters.Add(new SqliteParameter("$" + name, null)))];

    private static void Bind(SqliteParameter[] parameters, params object?[] values)
    {
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
