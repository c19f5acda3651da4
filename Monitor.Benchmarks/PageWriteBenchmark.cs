using Microsoft.Data.Sqlite;
using Monitor.Core.Data;
using Monitor.Core.Monitoring;
using Monitor.Core.Monitoring.Runs;
using Monitor.Core.Posts;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// A run's page write, 30 known posts a page (the daily refresh), ms per page. The app: a claimed run's
/// <see cref="RunPages"/> (posts, history, progress and heartbeat). The limit: the hand-written fastest form of the same
/// posts and history without the run (PostgreSQL: one prepared statement from unnest arrays in autocommit; SQLite:
/// prepared row statements on one open connection, a transaction a page).
/// </summary>
internal sealed class PageWriteBenchmark(BenchmarkSettings settings)
{
    private const int PageSize = 30;

    private static readonly string[] Counters = ["views", "likes", "shares", "comments", "saves"];

    private const string PostgresLimitSql = """
        WITH page AS (
            SELECT * FROM unnest(@aweme_ids, @descriptions, @views, @likes, @shares, @comments, @saves)
                AS u(aweme_id, description, views, likes, shares, comments, saves)
        ), upserted AS (
            INSERT INTO tiktok_posts (profile_id, aweme_id, description, views, likes, shares, comments, saves, first_seen_at, last_seen_at)
            SELECT @profile_id, aweme_id, description, views, likes, shares, comments, saves, @now, @now FROM page
            ON CONFLICT (aweme_id) DO UPDATE SET description = excluded.description, views = excluded.views, likes = excluded.likes,
                shares = excluded.shares, comments = excluded.comments, saves = excluded.saves, last_seen_at = excluded.last_seen_at
            RETURNING id, aweme_id
        )
        INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at)
        SELECT up.id, page.views, page.likes, page.shares, page.comments, page.saves, @now FROM upserted up JOIN page USING (aweme_id)
        """;

    private const string SqliteUpsertSql = """
        INSERT INTO tiktok_posts (profile_id, aweme_id, description, views, likes, shares, comments, saves, first_seen_at, last_seen_at)
        VALUES ($profile_id, $aweme_id, $description, $views, $likes, $shares, $comments, $saves, $now, $now)
        ON CONFLICT (aweme_id) DO UPDATE SET description = excluded.description, views = excluded.views, likes = excluded.likes,
            shares = excluded.shares, comments = excluded.comments, saves = excluded.saves, last_seen_at = excluded.last_seen_at
        RETURNING id
        """;

    private const string SqliteHistorySql = """
        INSERT INTO tiktok_post_metrics_history (post_id, views, likes, shares, comments, saves, recorded_at)
        VALUES ($post_id, $views, $likes, $shares, $comments, $saves, $now)
        """;

    /// <returns>Median ms per page of the app and of the limit.</returns>
    public async Task<(double App, double Limit)> RunAsync(BenchDatabase database)
    {
        var appProfile = await database.AddProfileAsync("bench_pages_app");
        var limitProfile = await database.AddProfileAsync("bench_pages_limit");
        var appPages = Posts.Make(settings.Pages * PageSize, 7_100_000_000_000_000_000).Chunk(PageSize).ToList();
        var limitPages = Posts.Make(settings.Pages * PageSize, 7_200_000_000_000_000_000).Chunk(PageSize).ToList();

        // The first pass creates the posts; the measured passes refresh known posts, as a daily run does.
        await AppPassAsync(database, appProfile, appPages);
        await LimitPassAsync(database, limitProfile, limitPages);
        var app = new List<double>();
        var limit = new List<double>();
        for (var round = 0; round < settings.Rounds; round++)
        {
            app.Add((await AppPassAsync(database, appProfile, appPages)).TotalMilliseconds / appPages.Count);
            limit.Add((await LimitPassAsync(database, limitProfile, limitPages)).TotalMilliseconds / limitPages.Count);
        }

        return (Rounds.Median(app), Rounds.Median(limit));
    }

    private static async Task<TimeSpan> AppPassAsync(BenchDatabase database, Guid profileId, List<PostSnapshot[]> pages)
    {
        var lifecycle = database.Get<RunLifecycle>();
        var request = await lifecycle.QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark profile vanished.");
        var claim = await lifecycle.ClaimAsync(request.Log.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark run could not be claimed.");
        var elapsed = await Rounds.TimeAsync(async () =>
        {
            await using var run = await lifecycle.OpenPagesAsync(claim, CancellationToken.None);
            for (var i = 0; i < pages.Count; i++)
            {
                var written = await run.RecordAsync(pages[i], DateTime.UtcNow, new RunProgress(i + 1, (i + 1) * PageSize, i + 1), CancellationToken.None);
                if (!written)
                {
                    throw new InvalidOperationException("The benchmark run lost its claim.");
                }
            }
        });
        await lifecycle.CompleteAsync(claim, new RunProgress(pages.Count, pages.Count * PageSize, pages.Count), CancellationToken.None);
        return elapsed;
    }

    private static Task<TimeSpan> LimitPassAsync(BenchDatabase database, Guid profileId, List<PostSnapshot[]> pages) =>
        database.Provider == DatabaseProvider.Postgres
            ? PostgresLimitAsync(database.Settings.ConnectionString, profileId, pages)
            : SqliteLimitAsync(database.Settings.ConnectionString, profileId, pages);

    private static async Task<TimeSpan> PostgresLimitAsync(string connectionString, Guid profileId, List<PostSnapshot[]> pages)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(PostgresLimitSql, connection);
        var profile = new NpgsqlParameter<Guid>("profile_id", NpgsqlDbType.Uuid) { TypedValue = profileId };
        var now = new NpgsqlParameter<DateTime>("now", NpgsqlDbType.TimestampTz);
        var ids = new NpgsqlParameter<string[]>("aweme_ids", NpgsqlDbType.Array | NpgsqlDbType.Text);
        var descriptions = new NpgsqlParameter<string?[]>("descriptions", NpgsqlDbType.Array | NpgsqlDbType.Text);
        var counters = Counters
            .Select(name => new NpgsqlParameter<long?[]>(name, NpgsqlDbType.Array | NpgsqlDbType.Bigint)).ToArray();
        command.Parameters.Add(profile);
        command.Parameters.Add(now);
        command.Parameters.Add(ids);
        command.Parameters.Add(descriptions);
        foreach (var counter in counters)
        {
            command.Parameters.Add(counter);
        }

        await command.PrepareAsync();
        return await Rounds.TimeAsync(async () =>
        {
            foreach (var page in pages)
            {
                now.TypedValue = DateTime.UtcNow;
                ids.TypedValue = [.. page.Select(p => p.AwemeId)];
                descriptions.TypedValue = [.. page.Select(p => p.Description)];
                counters[0].TypedValue = [.. page.Select(p => p.Metrics.Views)];
                counters[1].TypedValue = [.. page.Select(p => p.Metrics.Likes)];
                counters[2].TypedValue = [.. page.Select(p => p.Metrics.Shares)];
                counters[3].TypedValue = [.. page.Select(p => p.Metrics.Comments)];
                counters[4].TypedValue = [.. page.Select(p => p.Metrics.Saves)];
                await command.ExecuteNonQueryAsync();
            }
        });
    }

    private static async Task<TimeSpan> SqliteLimitAsync(string connectionString, Guid profileId, List<PostSnapshot[]> pages)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var upsert = new SqliteCommand(SqliteUpsertSql, connection);
        await using var history = new SqliteCommand(SqliteHistorySql, connection);
        upsert.Parameters.AddWithValue("$profile_id", profileId.ToString().ToUpperInvariant());
        var upsertNow = upsert.Parameters.Add(new SqliteParameter("$now", null));
        var historyNow = history.Parameters.Add(new SqliteParameter("$now", null));
        var id = upsert.Parameters.Add(new SqliteParameter("$aweme_id", null));
        var description = upsert.Parameters.Add(new SqliteParameter("$description", null));
        var postId = history.Parameters.Add(new SqliteParameter("$post_id", null));
        var upsertCounters = Counters.Select(n => upsert.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
        var historyCounters = Counters.Select(n => history.Parameters.Add(new SqliteParameter("$" + n, null))).ToArray();
        return await Rounds.TimeAsync(async () =>
        {
            foreach (var page in pages)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                upsert.Transaction = transaction;
                history.Transaction = transaction;
                upsertNow.Value = historyNow.Value = DateTime.UtcNow;
                foreach (var post in page)
                {
                    id.Value = post.AwemeId;
                    description.Value = post.Description;
                    long?[] values = [post.Metrics.Views, post.Metrics.Likes, post.Metrics.Shares, post.Metrics.Comments, post.Metrics.Saves];
                    for (var i = 0; i < values.Length; i++)
                    {
                        upsertCounters[i].Value = historyCounters[i].Value = values[i] is { } v ? v : DBNull.Value;
                    }

                    postId.Value = await upsert.ExecuteScalarAsync();
                    await history.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        });
    }
}
