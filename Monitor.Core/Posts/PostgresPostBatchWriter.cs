using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Npgsql;

namespace Monitor.Core.Posts;

/// <summary>Two statements per page whatever its size: an upsert and a history insert, both from unnest(arrays).</summary>
internal sealed class PostgresPostBatchWriter : IPostBatchWriter
{
    private static readonly string UpsertSql = $"""
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, posted_at, cover_url, share_url, duration_seconds,
                                  {MetricSql.Columns()}, first_seen_at, last_seen_at)
        SELECT @profile_id, u.aweme_id, u.description, u.posted_at, u.cover_url, u.share_url, u.duration_seconds,
               {MetricSql.Columns("u.")}, @now, @now
        FROM unnest(@aweme_ids, @descriptions, @posted_ats, @cover_urls, @share_urls, @durations, {MetricSql.Columns("@")})
             AS u(aweme_id, description, posted_at, cover_url, share_url, duration_seconds, {MetricSql.Columns()})
        """ + "\n" + PostUpsertSql.OnConflictUpdate;

    private static readonly string HistorySql = $"""
        INSERT INTO tiktok_post_metrics_history (post_id, {MetricSql.Columns()}, recorded_at)
        SELECT p.id, {MetricSql.Columns("u.")}, @now
        FROM unnest(@aweme_ids, {MetricSql.Columns("@")})
             AS u(aweme_id, {MetricSql.Columns()})
        JOIN tiktok_posts p ON p.aweme_id = u.aweme_id AND p.profile_id = @profile_id
        """;

    public async Task<int> WriteAsync(MonitorDbContext db, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(posts);
        if (posts.Count == 0)
        {
            return 0;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var transaction = (NpgsqlTransaction?)db.Database.CurrentTransaction?.GetDbTransaction();
        try
        {
            await using var upsert = new NpgsqlCommand(UpsertSql, connection, transaction);
            AddArrays(upsert, profileId, posts, observedAt, withDetails: true);
            await upsert.ExecuteNonQueryAsync(cancellationToken);

            await using var history = new NpgsqlCommand(HistorySql, connection, transaction);
            AddArrays(history, profileId, posts, observedAt, withDetails: false);
            return await history.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw ProfileDeletedException.For(profileId, ex);
        }
    }

    private static void AddArrays(NpgsqlCommand command, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, bool withDetails)
    {
        command.Parameters.AddWithValue("profile_id", profileId);
        command.Parameters.AddWithValue("now", observedAt);
        command.Parameters.AddWithValue("aweme_ids", posts.Select(p => p.AwemeId).ToArray());
        foreach (var metric in PostMetrics.All)
        {
            command.Parameters.AddWithValue(metric.Column, posts.Select(p => metric.Get(p.Metrics)).ToArray());
        }

        if (withDetails)
        {
            command.Parameters.AddWithValue("descriptions", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, posts.Select(p => p.Description).ToArray());
            command.Parameters.AddWithValue("posted_ats", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.TimestampTz, posts.Select(p => p.PostedAt).ToArray());
            command.Parameters.AddWithValue("cover_urls", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, posts.Select(p => p.CoverUrl).ToArray());
            command.Parameters.AddWithValue("share_urls", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text, posts.Select(p => p.ShareUrl).ToArray());
            command.Parameters.AddWithValue("durations", posts.Select(p => p.DurationSeconds).ToArray());
        }
    }
}
