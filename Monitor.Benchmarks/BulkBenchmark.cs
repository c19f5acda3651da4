using Monitor.Core.Posts;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// Bulk ingest of many posts with their history rows, rows/s (posts + history rows), new posts then known ones. The
/// app: <see cref="PostIngestor"/> (the bulk endpoint's path). The limit: hand-written binary COPY into a temporary
/// table, one upsert and one history insert, in one transaction.
/// </summary>
internal sealed class BulkBenchmark(BenchmarkSettings settings)
{
    private const string LimitUpsertSql = """
        WITH upserted AS (
            INSERT INTO tiktok_posts (profile_id, aweme_id, description, views, likes, shares, comments, saves, first_seen_at, last_seen_at)
            SELECT @profile_id, aweme_id, description, views, likes, shares, comments, saves, @now, @now FROM staging
            ON CONFLICT (aweme_id) DO UPDATE SET description = excluded.description, views = excluded.views, likes = excluded.likes,
                shares = excluded.shares, comments = excluded.comments, saves = excluded.saves, last_seen_at = excluded.last_seen_at
            RETURNING id, aweme_id
        )
        INSERT INTO tiktok_post_history_open AS o (post_id, first_at, views, likes, shares, comments, saves)
        SELECT up.id, @now, s.views, s.likes, s.shares, s.comments, s.saves FROM upserted up JOIN staging s USING (aweme_id)
        ON CONFLICT (post_id) DO UPDATE SET repeats = array_append(o.repeats, 1000), views = excluded.views, likes = excluded.likes,
            shares = excluded.shares, comments = excluded.comments, saves = excluded.saves
        """;

    /// <returns>Median rows/s of the app and the limit, for new posts and for known posts.</returns>
    public async Task<(double AppNew, double LimitNew, double AppKnown, double LimitKnown)> RunAsync(BenchDatabase database)
    {
        var ingestor = database.Get<PostIngestor>();
        var rows = settings.BulkPosts * 2.0;
        var results = new List<(double, double, double, double)>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            var appProfile = await database.AddProfileAsync($"bench_bulk_app_{round}");
            var limitProfile = await database.AddProfileAsync($"bench_bulk_limit_{round}");
            var appPosts = Posts.Make(settings.BulkPosts, 7_300_000_000_000_000_000 + (round * 10_000_000L));
            var limitPosts = Posts.Make(settings.BulkPosts, 7_400_000_000_000_000_000 + (round * 10_000_000L));
            var appNew = await Rounds.TimeAsync(() => ingestor.IngestAsync(appProfile, appPosts, DateTime.UtcNow, CancellationToken.None));
            var limitNew = await Rounds.TimeAsync(() => LimitAsync(database.Settings.ConnectionString, limitProfile, limitPosts));
            var appKnown = await Rounds.TimeAsync(() => ingestor.IngestAsync(appProfile, appPosts, DateTime.UtcNow, CancellationToken.None));
            var limitKnown = await Rounds.TimeAsync(() => LimitAsync(database.Settings.ConnectionString, limitProfile, limitPosts));
            results.Add((rows / appNew.TotalSeconds, rows / limitNew.TotalSeconds, rows / appKnown.TotalSeconds, rows / limitKnown.TotalSeconds));
        }

        return (Rounds.Median(results.Select(r => r.Item1)), Rounds.Median(results.Select(r => r.Item2)),
            Rounds.Median(results.Select(r => r.Item3)), Rounds.Median(results.Select(r => r.Item4)));
    }

    private static async Task LimitAsync(string connectionString, Guid profileId, List<PostSnapshot> posts)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var create = new NpgsqlCommand(
            "CREATE TEMPORARY TABLE staging (aweme_id text, description text, views bigint, likes bigint, shares bigint, comments bigint, saves bigint) ON COMMIT DROP",
            connection, transaction))
        {
            await create.ExecuteNonQueryAsync();
        }

        await using (var importer = await connection.BeginBinaryImportAsync("COPY staging FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var post in posts)
            {
                await importer.StartRowAsync();
                await importer.WriteAsync(post.AwemeId, NpgsqlDbType.Text);
                await importer.WriteAsync(post.Description!, NpgsqlDbType.Text);
                await importer.WriteAsync(post.Metrics.Views!.Value, NpgsqlDbType.Bigint);
                await importer.WriteAsync(post.Metrics.Likes!.Value, NpgsqlDbType.Bigint);
                await importer.WriteAsync(post.Metrics.Shares!.Value, NpgsqlDbType.Bigint);
                await importer.WriteAsync(post.Metrics.Comments!.Value, NpgsqlDbType.Bigint);
                await importer.WriteAsync(post.Metrics.Saves!.Value, NpgsqlDbType.Bigint);
            }

            await importer.CompleteAsync();
        }

        await using (var upsert = new NpgsqlCommand(LimitUpsertSql, connection, transaction))
        {
            upsert.Parameters.Add(new NpgsqlParameter<Guid>("profile_id", NpgsqlDbType.Uuid) { TypedValue = profileId });
            upsert.Parameters.Add(new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz) { TypedValue = DateTime.UtcNow });
            await upsert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }
}
