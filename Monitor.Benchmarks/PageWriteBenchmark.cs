using System.Text.Json;
using Microsoft.Data.Sqlite;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// A run's page write, 30 known posts a page (the daily refresh), ms per page. The posts carry what a real feed page
/// carries: captions with hashtags, a sound and the flags. The app: a claimed run's <see cref="RunPages"/> (posts, history
/// naming the run, hashtags, progress and heartbeat, the claim checked). The limit: the hand-written fastest form of the
/// same rows without the run, written here independently of the app's SQL: every post column replaced outright (the
/// hashtag set too, whose rows the schema's triggers write only when it changed), a history row each. PostgreSQL: one
/// prepared statement from unnest arrays in autocommit; SQLite: prepared row statements on one open connection, a
/// transaction a page.
/// </summary>
internal sealed class PageWriteBenchmark(BenchmarkSettings settings)
{
    private const int PageSize = 30;

    private static readonly string[] TextColumns = ["aweme_id", "description", "cover_url", "share_url", "shop_product_url", "sound_id", "sound_title", "sound_author", "hashtags_json"];
    private static readonly string[] CounterColumns = ["views", "likes", "shares", "comments", "saves"];
    private static readonly string[] FlagColumns = ["is_pinned", "is_ad", "is_paid_partnership", "has_shop_product", "sound_is_original"];
    private static readonly string[] PostColumns = [.. TextColumns, "posted_at", "duration_seconds", .. CounterColumns, .. FlagColumns];
    private static readonly string UpdateAll = string.Join(", ", PostColumns.Skip(1).Append("last_seen_at").Select(c => $"{c} = excluded.{c}"));
    private static readonly string CounterList = string.Join(", ", CounterColumns);
    private static readonly string UpdateCounters = string.Join(", ", CounterColumns.Select(c => $"{c} = excluded.{c}"));

    private static readonly string PostgresLimitSql = $"""
        WITH page AS (
            SELECT * FROM unnest({string.Join(", ", PostColumns.Select(c => "@" + c))}) AS u({string.Join(", ", PostColumns)})
        ), upserted AS (
            INSERT INTO tiktok_posts (profile_id, {string.Join(", ", PostColumns)}, first_seen_at, last_seen_at)
            SELECT @profile_id, {string.Join(", ", PostColumns)}, @now, @now FROM page
            ON CONFLICT (aweme_id) DO UPDATE SET {UpdateAll}
            RETURNING id, aweme_id
        ), history AS (
            INSERT INTO tiktok_post_history_open AS o (post_id, first_at, {CounterList})
            SELECT up.id, @now, {CounterList} FROM upserted up JOIN page USING (aweme_id)
            ON CONFLICT (post_id) DO UPDATE SET repeats = array_append(o.repeats, 1000), {UpdateCounters}
        )
        SELECT count(*) FROM upserted
        """;

    private static readonly string SqliteUpsertSql = $"""
        INSERT INTO tiktok_posts (profile_id, {string.Join(", ", PostColumns)}, first_seen_at, last_seen_at)
        VALUES ($profile_id, {string.Join(", ", PostColumns.Select(c => "$" + c))}, $now, $now)
        ON CONFLICT (aweme_id) DO UPDATE SET {UpdateAll}
        RETURNING id
        """;

    private static readonly string SqliteHistorySql = $"""
        INSERT INTO tiktok_post_history_open (post_id, first_at, {CounterList})
        VALUES ($post_id, $now, {string.Join(", ", CounterColumns.Select(c => "$" + c))})
        ON CONFLICT (post_id) DO UPDATE SET repeats = json_insert(COALESCE(repeats, '[]'), '$[#]', 1000), {UpdateCounters}
        """;

    /// <returns>Median ms per page of the app and of the limit.</returns>
    public async Task<(double App, double Limit)> RunAsync(BenchDatabase database)
    {
        var appProfile = await database.AddProfileAsync("bench_pages_app");
        var limitProfile = await database.AddProfileAsync("bench_pages_limit");
        var appPages = Posts.Make(settings.Pages * PageSize, 7_100_000_000_000_000_000).Select(Posts.AsOnAFeedPage).Chunk(PageSize).ToList();
        var limitPages = Posts.Make(settings.Pages * PageSize, 7_200_000_000_000_000_000).Select(Posts.AsOnAFeedPage).Chunk(PageSize).ToList();

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
        var texts = TextColumns.Select(c => new NpgsqlParameter<string?[]>(c, NpgsqlDbType.Array | NpgsqlDbType.Text)).ToArray();
        var postedAts = new NpgsqlParameter<DateTime?[]>("posted_at", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz);
        var durations = new NpgsqlParameter<int?[]>("duration_seconds", NpgsqlDbType.Array | NpgsqlDbType.Integer);
        var counters = CounterColumns.Select(c => new NpgsqlParameter<long?[]>(c, NpgsqlDbType.Array | NpgsqlDbType.Bigint)).ToArray();
        var flags = FlagColumns.Select(c => new NpgsqlParameter<bool?[]>(c, NpgsqlDbType.Array | NpgsqlDbType.Boolean)).ToArray();
        command.Parameters.AddRange((NpgsqlParameter[])[profile, now, .. texts, postedAts, durations, .. counters, .. flags]);
        await command.PrepareAsync();
        return await Rounds.TimeAsync(async () =>
        {
            foreach (var page in pages)
            {
                now.TypedValue = DateTime.UtcNow;
                for (var i = 0; i < texts.Length; i++)
                {
                    texts[i].TypedValue = [.. page.Select(p => Texts(p)[i])];
                }

                postedAts.TypedValue = [.. page.Select(p => p.PostedAt)];
                durations.TypedValue = [.. page.Select(p => p.DurationSeconds)];
                for (var i = 0; i < counters.Length; i++)
                {
                    counters[i].TypedValue = [.. page.Select(p => Counters(p)[i])];
                }

                for (var i = 0; i < flags.Length; i++)
                {
                    flags[i].TypedValue = [.. page.Select(p => Flags(p)[i])];
                }

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
        var postColumns = PostColumns.Select(c => upsert.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        var postId = history.Parameters.Add(new SqliteParameter("$post_id", null));
        var historyCounters = CounterColumns.Select(c => history.Parameters.Add(new SqliteParameter("$" + c, null))).ToArray();
        return await Rounds.TimeAsync(async () =>
        {
            foreach (var page in pages)
            {
                await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
                upsert.Transaction = history.Transaction = transaction;
                upsertNow.Value = historyNow.Value = DateTime.UtcNow;
                foreach (var post in page)
                {
                    object?[] values = [.. Texts(post), post.PostedAt, post.DurationSeconds, .. Counters(post).Cast<object?>(), .. Flags(post).Cast<object?>()];
                    for (var i = 0; i < values.Length; i++)
                    {
                        postColumns[i].Value = values[i] ?? DBNull.Value;
                    }

                    var id = await upsert.ExecuteScalarAsync();
                    postId.Value = id;
                    var counters = Counters(post);
                    for (var i = 0; i < counters.Length; i++)
                    {
                        historyCounters[i].Value = counters[i] is { } v ? v : DBNull.Value;
                    }

                    await history.ExecuteNonQueryAsync();
                }

                await transaction.CommitAsync();
            }
        });
    }

    private static string?[] Texts(PostSnapshot p) =>
        [p.AwemeId, p.Description, p.CoverUrl, p.ShareUrl, p.ShopProductUrl, p.Sound?.Id, p.Sound?.Title, p.Sound?.Author, JsonSerializer.Serialize(p.Hashtags)];

    private static long?[] Counters(PostSnapshot p) => [p.Metrics.Views, p.Metrics.Likes, p.Metrics.Shares, p.Metrics.Comments, p.Metrics.Saves];

    private static bool?[] Flags(PostSnapshot p) => [p.IsPinned, p.IsAd, p.IsPaidPartnership, p.HasShopProduct, p.Sound?.IsOriginal];
}
