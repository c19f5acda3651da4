using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Dispatch;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;
using Npgsql;

namespace Monitor.Benchmarks;

/// <summary>
/// Issue 20 item 1: the database growth a stored post observation costs at steady state. Each profile has 300 posts
/// written by the app's run path (10 pages of 30), one run a day for <see cref="Runs"/> days. The newest 30 posts'
/// counters change every run; an older post's change once a week (post i in run r when (i + r) % 7 == 0), the rest
/// repeat. Measured: the bytes of the post history's relations (tables, partitions, indexes, TOAST; posts' own rows
/// apart) after run 1 and after the last run, divided by the observations of runs 2 to the last.
/// </summary>
internal sealed class HistoryBytesBenchmark(BenchmarkSettings settings)
{
    public const int Runs = 8;
    private const int PostsPerProfile = 300;
    private const int PageSize = 30;
    private const int Newest = 30;

    /// <summary>The relations of the post history: every table or index whose name carries it (partitions included).</summary>
    public const string RelationPattern = "tiktok_post_history%";

    private static readonly DateTime FirstDay = new(2026, 3, 2, 6, 0, 0, DateTimeKind.Utc);

    public int Profiles => settings.Smoke ? 2 : 10;

    public int MeasuredObservations => Profiles * PostsPerProfile * (Runs - 1);

    /// <returns>Bytes of growth per observation from run 2 on: the app's history and the proposed layout's (<see cref="HistorySpanPrototype"/>).</returns>
    /// <returns>... and, on PostgreSQL, its append-only variant's (<see cref="HistoryOpenSpanPrototype"/>; NaN on SQLite).</returns>
    public async Task<(double App, double Proposed, double AppendOnly)> RunAsync(BenchDatabase database)
    {
        var postgres = database.Provider == DatabaseProvider.Postgres;
        await HistorySpanPrototype.CreateAsync(database);
        if (postgres)
        {
            await HistoryOpenSpanPrototype.CreateAsync(database);
        }

        var profiles = new List<Guid>();
        for (var p = 0; p < Profiles; p++)
        {
            profiles.Add(await database.AddProfileAsync($"bench_history_bytes_{p}"));
        }

        var versions = new int[Profiles, PostsPerProfile];
        long afterFirst = 0;
        long proposedAfterFirst = 0;
        long appendOnlyAfterFirst = 0;
        for (var run = 1; run <= Runs; run++)
        {
            var day = FirstDay.AddDays(run - 1);
            for (var p = 0; p < Profiles; p++)
            {
                var pages = Snapshot(p, run, versions).Chunk(PageSize).ToList();
                await WriteRunAsync(database, profiles[p], pages, day.AddMinutes(p));
            }

            if (run == 1)
            {
                afterFirst = await HistoryBytesAsync(database, RelationPattern);
                proposedAfterFirst = await HistoryBytesAsync(database, HistorySpanPrototype.Table + "%");
                appendOnlyAfterFirst = postgres ? await HistoryBytesAsync(database, HistoryOpenSpanPrototype.Table + "%") : 0;
            }
        }

        var app = await HistoryBytesAsync(database, RelationPattern) - afterFirst;
        var proposed = await HistoryBytesAsync(database, HistorySpanPrototype.Table + "%") - proposedAfterFirst;
        var appendOnly = postgres ? await HistoryBytesAsync(database, HistoryOpenSpanPrototype.Table + "%") - appendOnlyAfterFirst : double.NaN;
        return (app / (double)MeasuredObservations, proposed / (double)MeasuredObservations, appendOnly / MeasuredObservations);
    }

    /// <summary>The profile's 300 posts as run <paramref name="run"/> sees them; a changed post takes the run as its version.</summary>
    private static List<PostSnapshot> Snapshot(int profile, int run, int[,] versions)
    {
        var idBase = 7_300_000_000_000_000_000 + (profile * 1_000L);
        var posts = new List<PostSnapshot>(PostsPerProfile);
        for (var i = 0; i < PostsPerProfile; i++)
        {
            if (run == 1 || i < Newest || (i + run) % 7 == 0)
            {
                versions[profile, i] = run;
            }

            var version = versions[profile, i];
            var post = Posts.AsOnAFeedPage(Posts.Make(1, idBase + i)[0], i);
            posts.Add(post with { Metrics = new PostMetrics(50_000L * (i + 1) + (version * 1_237L), 4_000L * (i + 1) + (version * 91L), 40L * i + version, 90L * i + version, 25L * i + version) });
        }

        return posts;
    }

    private static async Task WriteRunAsync(BenchDatabase database, Guid profileId, List<PostSnapshot[]> pages, DateTime start)
    {
        var lifecycle = database.Get<RunLifecycle>();
        var request = await lifecycle.QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark profile vanished.");
        var claim = await lifecycle.ClaimAsync(request.Log.Id, CancellationToken.None)
            ?? throw new InvalidOperationException("The benchmark run could not be claimed.");
        await using (var run = await lifecycle.OpenPagesAsync(claim, CancellationToken.None))
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var progress = new RunProgress(i + 1, (i + 1) * PageSize, i + 1);
                if (!await run.RecordAsync(pages[i], start.AddSeconds(2 * i), progress, CancellationToken.None))
                {
                    throw new InvalidOperationException("The benchmark run lost its claim.");
                }
            }
        }

        var ids = await PostIdsAsync(database, profileId);
        for (var i = 0; i < pages.Count; i++)
        {
            (long, PostSnapshot)[] page = [.. pages[i].Select(p => (ids[p.AwemeId], p))];
            await HistorySpanPrototype.WritePageAsync(database, page, start.AddSeconds(2 * i));
            if (database.Provider == DatabaseProvider.Postgres)
            {
                await HistoryOpenSpanPrototype.WritePageAsync(database, page, start.AddSeconds(2 * i));
            }
        }

        await lifecycle.CompleteAsync(claim, new RunProgress(pages.Count, pages.Count * PageSize, pages.Count), CancellationToken.None);
    }

    private static async Task<Dictionary<string, long>> PostIdsAsync(BenchDatabase database, Guid profileId)
    {
        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        return await db.Posts.Where(p => p.ProfileId == profileId).ToDictionaryAsync(p => p.AwemeId, p => p.Id);
    }

    /// <summary>The on-disk bytes of the history's relations (PostgreSQL: after a VACUUM, all forks and TOAST; SQLite: the pages they occupy).</summary>
    public static async Task<long> HistoryBytesAsync(BenchDatabase database, string pattern)
    {
        if (database.Provider == DatabaseProvider.Postgres)
        {
            await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();

            // Autovacuum would otherwise decide, at random, whether dead row versions are reclaimed and the free-space and
            // visibility maps exist at either measurement: a plain VACUUM first, as the steady state has.
            await using (var vacuum = new NpgsqlCommand("VACUUM", connection))
            {
                await vacuum.ExecuteNonQueryAsync();
            }

            await using var command = new NpgsqlCommand(
                $"SELECT COALESCE(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c WHERE c.relkind = 'r' AND c.relname LIKE '{pattern}'",
                connection);
            return (long)(await command.ExecuteScalarAsync())!;
        }

        // The bundled SQLite has no dbstat: the history's pages are the pages its tables (with their indexes) free when
        // dropped, counted on the freelist inside a transaction that is rolled back.
        await using var sqlite = new SqliteConnection(database.Settings.ConnectionString);
        await sqlite.OpenAsync();
        await using var transaction = (SqliteTransaction)await sqlite.BeginTransactionAsync();
        var pageSize = await ScalarAsync(sqlite, transaction, "PRAGMA page_size");
        var freeBefore = await ScalarAsync(sqlite, transaction, "PRAGMA freelist_count");
        var tables = new List<string>();
        await using (var list = new SqliteCommand($"SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE '{pattern}'", sqlite, transaction))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var drop = new SqliteCommand($"DROP TABLE \"{table}\"", sqlite, transaction);
            await drop.ExecuteNonQueryAsync();
        }

        var freeAfter = await ScalarAsync(sqlite, transaction, "PRAGMA freelist_count");
        await transaction.RollbackAsync();
        return (freeAfter - freeBefore) * pageSize;
    }

    private static async Task<long> ScalarAsync(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        await using var command = new SqliteCommand(sql, connection, transaction);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
