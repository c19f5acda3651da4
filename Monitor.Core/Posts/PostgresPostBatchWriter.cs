using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Core.Posts;

/// <summary>
/// A batch is one statement (upsert, then history from its <c>RETURNING</c>) from unnest arrays; from
/// <see cref="CopyThreshold"/> posts on, binary COPY into a temporary table, then one upsert and history statement.
/// </summary>
internal sealed class PostgresPostBatchWriter(IDbContextFactory<MonitorDbContext> contextFactory) : IPostBatchWriter
{
    /// <summary>Below this, the arrays' one round trip beats COPY's three (create, copy, upsert).</summary>
    internal const int CopyThreshold = 1_000;

    public Task<IPageWriteSession> OpenRunAsync(RunPageTarget target, CancellationToken cancellationToken) =>
        PostgresPageWriteSession.OpenAsync(contextFactory, target, cancellationToken);

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
            return posts.Count < CopyThreshold
                ? await WriteArraysAsync(connection, transaction, profileId, posts, observedAt, cancellationToken)
                : await CopyAsync(connection, transaction, profileId, posts, observedAt, cancellationToken);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.ForeignKeyViolation)
        {
            throw ProfileDeletedException.For(profileId, ex);
        }
    }

    private static async Task<int> WriteArraysAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PostgresPageSql.Batch, connection, transaction);
        new PostgresPostArrays(command).Bind(profileId, posts, observedAt);
        return await CountWrittenAsync(command, cancellationToken);
    }

    private static async Task<int> CopyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid profileId, IReadOnlyList<PostSnapshot> posts, DateTime observedAt, CancellationToken cancellationToken)
    {
        // The staging table empties itself at commit; outside a transaction the rows would vanish before the upsert.
        var ownTransaction = transaction is null ? await connection.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await using (var create = new NpgsqlCommand(PostgresPageSql.CreateStaging, connection, transaction ?? ownTransaction))
            {
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using (var importer = await connection.BeginBinaryImportAsync(PostgresPageSql.CopyStaging, cancellationToken))
            {
                foreach (var post in posts)
                {
                    await importer.StartRowAsync(cancellationToken);
                    await importer.WriteAsync(post.AwemeId, NpgsqlDbType.Text, cancellationToken);
                    await WriteTextAsync(importer, post.Description, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, post.PostedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await WriteTextAsync(importer, post.CoverUrl, NpgsqlDbType.Text, cancellationToken);
                    await WriteTextAsync(importer, post.ShareUrl, NpgsqlDbType.Text, cancellationToken);
                    await WriteNullableAsync(importer, post.DurationSeconds, NpgsqlDbType.Integer, cancellationToken);
                    foreach (var metric in PostMetrics.All)
                    {
                        await WriteNullableAsync(importer, metric.Get(post.Metrics), NpgsqlDbType.Bigint, cancellationToken);
                    }

                    await WriteSignalsAsync(importer, post, cancellationToken);
                }

                await importer.CompleteAsync(cancellationToken);
            }

            await using var upsert = new NpgsqlCommand(PostgresPageSql.FromStaging, connection, transaction ?? ownTransaction);
            upsert.Parameters.Add(new NpgsqlParameter<Guid>("profile_id", NpgsqlDbType.Uuid) { TypedValue = profileId });
            upsert.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = observedAt });
            var written = await CountWrittenAsync(upsert, cancellationToken);
            if (ownTransaction is not null)
            {
                await ownTransaction.CommitAsync(cancellationToken);
            }

            return written;
        }
        finally
        {
            if (ownTransaction is not null)
            {
                await ownTransaction.DisposeAsync();
            }
        }
    }

    private static async Task WriteSignalsAsync(NpgsqlBinaryImporter importer, PostSnapshot post, CancellationToken cancellationToken)
    {
        await WriteNullableAsync(importer, post.IsPinned, NpgsqlDbType.Boolean, cancellationToken);
        await WriteNullableAsync(importer, post.IsAd, NpgsqlDbType.Boolean, cancellationToken);
        await WriteNullableAsync(importer, post.IsPaidPartnership, NpgsqlDbType.Boolean, cancellationToken);
        await WriteNullableAsync(importer, post.HasShopProduct, NpgsqlDbType.Boolean, cancellationToken);
        await WriteTextAsync(importer, post.ShopProductUrl, NpgsqlDbType.Text, cancellationToken);
        await WriteTextAsync(importer, post.Sound?.Id, NpgsqlDbType.Text, cancellationToken);
        await WriteTextAsync(importer, post.Sound?.Title, NpgsqlDbType.Text, cancellationToken);
        await WriteTextAsync(importer, post.Sound?.Author, NpgsqlDbType.Text, cancellationToken);
        await WriteNullableAsync(importer, post.Sound?.IsOriginal, NpgsqlDbType.Boolean, cancellationToken);
        await WriteTextAsync(importer, Hashtags.ToJson(post.Hashtags), NpgsqlDbType.Text, cancellationToken);
    }

    private static Task WriteTextAsync(NpgsqlBinaryImporter importer, string? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? importer.WriteNullAsync(cancellationToken) : importer.WriteAsync(value, type, cancellationToken);

    private static Task WriteNullableAsync<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } v ? importer.WriteAsync(v, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    /// <summary>The batch statements end with the count of the posts they wrote (their last step records the history).</summary>
    private static async Task<int> CountWrittenAsync(NpgsqlCommand command, CancellationToken cancellationToken) =>
        Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
}
