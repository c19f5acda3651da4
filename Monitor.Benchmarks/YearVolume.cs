using System.Globalization;
using Monitor.Core.Posts.History;
using Npgsql;
using NpgsqlTypes;

namespace Monitor.Benchmarks;

/// <summary>
/// A year of the app's data at the default cadence (one run a profile a day), written with binary COPY into the real
/// schema: profiles, their posts, a completed run and a row of profile totals a day each, and for the first
/// <see cref="HistoryProfiles"/> profiles every post's history of the year as the writer and the tiers leave it
/// (one scan a day is already the daily tier's resolution, and nothing is older than a year: every observation is
/// kept). The newest 30 posts of a profile change every run, an older post once a week (as <see cref="HistoryBytesBenchmark"/>);
/// a span also ends at the 1st and the 16th (UTC), and each post's newest span is its open one.
/// </summary>
internal sealed class YearVolume(int profiles, int postsPerProfile, int historyProfiles, DateTime today)
{
    public const int Days = 365;
    private const int Newest = 30;
    private const int PageSize = 30;

    public int Profiles => profiles;

    public int PostsPerProfile => postsPerProfile;

    public int HistoryProfiles => historyProfiles;

    /// <summary>Closed span rows written (the open ones apart).</summary>
    public long Spans { get; private set; }

    /// <summary>Observations the spans hold (the open ones included).</summary>
    public long Observations { get; private set; }

    public DateTime FirstDay => today.AddDays(-Days);

    public static Guid ProfileId(int p) => new(p + 1, 0x4d6f, 0x6e69, [0x74, 0x6f, 0x72, 0x59, 0x65, 0x61, 0x72, 0x21]);

    public static string Handle(int p) => string.Create(CultureInfo.InvariantCulture, $"year_{p:D5}");

    /// <summary>Post ids are dense: profile p's posts are p × posts + 1 ... (p + 1) × posts.</summary>
    public long PostId(int p, int i) => ((long)p * postsPerProfile) + i + 1;

    /// <summary>When profile p's run of day d (0 = a year ago) started; its pages follow 2 s apart.</summary>
    public DateTime RunStart(int p, int d) => FirstDay.AddDays(d).AddHours(1).AddSeconds(p % 72_000);

    /// <summary>
    /// Whether a kept database already holds this volume (its profiles and runs); if so, the span and observation
    /// counts are worked out as the writer would have, without writing.
    /// </summary>
    public async Task<bool> WrittenAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT (SELECT count(*) FROM tiktok_profiles) * 1000 + (SELECT count(*) > 0 FROM profile_metrics_history)::int", connection);
        if ((long)(await command.ExecuteScalarAsync(cancellationToken))! != ((long)profiles * 1000) + 1)
        {
            return false;
        }

        for (var p = 0; p < historyProfiles; p++)
        {
            for (var i = 0; i < postsPerProfile; i++)
            {
                var spans = SpansOf(p, i);
                Spans += spans.Count - 1;
                Observations += spans.Sum(x => 1 + x.Repeats.Count);
            }
        }

        return true;
    }

    public async Task GenerateAsync(string connectionString, CancellationToken cancellationToken)
    {
        // COPY completes when the server has written every row and its index entries: no command timeout.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 }.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        foreach (var partition in HistoryPartitions.Between(FirstDay, HistoryPartitions.MonthStart(today).AddMonths(HistoryPartitions.MonthsAhead)))
        {
            await ExecuteAsync(connection, HistoryPartitions.CreateSql(partition), cancellationToken);
        }

        await ProfilesAsync(connection, cancellationToken);
        await PostsAsync(connection, cancellationToken);
        await RunsAsync(connection, cancellationToken);
        await HistoryAsync(connection, cancellationToken);
        await ExecuteAsync(connection, "SELECT setval(pg_get_serial_sequence('tiktok_posts', 'id'), (SELECT max(id) FROM tiktok_posts))", cancellationToken);
        await ExecuteAsync(connection, "VACUUM ANALYZE", cancellationToken);
    }

    private async Task ProfilesAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY tiktok_profiles (id, handle, nickname, verified, follower_count, monitoring_enabled, monitoring_interval_hours,
                last_monitoring_run, next_monitoring_run, total_posts, total_views, total_likes, total_shares, total_comments, total_saves,
                created_at, updated_at) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var p = 0; p < profiles; p++)
        {
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(ProfileId(p), NpgsqlDbType.Uuid, cancellationToken);
            await copy.WriteAsync(Handle(p), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Creator {p} of the year"), NpgsqlDbType.Varchar, cancellationToken);
            await copy.WriteAsync(p % 10 == 0, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(1_000L + ((p * 7_919L) % 5_000_000), NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(24, NpgsqlDbType.Integer, cancellationToken);
            await copy.WriteAsync(RunStart(p, Days - 1).AddMinutes(1), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(RunStart(p, Days - 1).AddDays(1), NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync((long)postsPerProfile, NpgsqlDbType.Bigint, cancellationToken);
            foreach (var total in Totals(p, Days - 1))
            {
                await copy.WriteAsync(total, NpgsqlDbType.Bigint, cancellationToken);
            }

            await copy.WriteAsync(FirstDay, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(RunStart(p, Days - 1), NpgsqlDbType.TimestampTz, cancellationToken);
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private async Task PostsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync("""
            COPY tiktok_posts (id, profile_id, aweme_id, description, posted_at, share_url, duration_seconds,
                views, likes, shares, comments, saves, first_seen_at, last_seen_at) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var p = 0; p < profiles; p++)
        {
            for (var i = 0; i < postsPerProfile; i++)
            {
                var id = PostId(p, i);
                var counters = Counters(i, LastVersion(i, Days - 1));
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(ProfileId(p), NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync((7_400_000_000_000_000_000L + id).ToString(CultureInfo.InvariantCulture), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"Post {i} of {Handle(p)} #year #bench"), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(FirstDay.AddHours(-i * 30), NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(string.Create(CultureInfo.InvariantCulture, $"https://www.tiktok.com/@{Handle(p)}/video/{7_400_000_000_000_000_000L + id}"), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(15 + (i % 45), NpgsqlDbType.Integer, cancellationToken);
                foreach (var counter in counters)
                {
                    await copy.WriteAsync(counter, NpgsqlDbType.Bigint, cancellationToken);
                }

                await copy.WriteAsync(FirstDay, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(ObservedAt(p, Days - 1, i), NpgsqlDbType.TimestampTz, cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    private async Task RunsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY profile_monitoring_logs (profile_id, status, trigger, attempt, created_at, scheduled_for, started_at, completed_at,
                posts_scraped, pages_scraped, requests_made) FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var d = 0; d < Days; d++)
            {
                for (var p = 0; p < profiles; p++)
                {
                    var start = RunStart(p, d);
                    var pages = (postsPerProfile + PageSize - 1) / PageSize;
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(ProfileId(p), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(d % 97 == 3 && p % 5 == 0 ? "failed" : "completed", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("scheduled", NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(1, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(start, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(start, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(start, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(start.AddSeconds((2 * pages) + 5), NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(postsPerProfile, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(pages, NpgsqlDbType.Integer, cancellationToken);
                    await copy.WriteAsync(pages, NpgsqlDbType.Integer, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync("""
            COPY profile_metrics_history (profile_id, total_posts, total_views, total_likes, total_shares, total_comments, total_saves, recorded_at)
            FROM STDIN (FORMAT BINARY)
            """, cancellationToken))
        {
            for (var d = 0; d < Days; d++)
            {
                for (var p = 0; p < profiles; p++)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(ProfileId(p), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync((long)postsPerProfile, NpgsqlDbType.Bigint, cancellationToken);
                    foreach (var total in Totals(p, d))
                    {
                        await copy.WriteAsync(total, NpgsqlDbType.Bigint, cancellationToken);
                    }

                    await copy.WriteAsync(RunStart(p, d).AddSeconds(30), NpgsqlDbType.TimestampTz, cancellationToken);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    private async Task HistoryAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var open = new List<Span>();
        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {HistoryStorageSql.Table} (post_id, first_at, views, likes, shares, comments, saves, repeats) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var p = 0; p < historyProfiles; p++)
            {
                for (var i = 0; i < postsPerProfile; i++)
                {
                    var spans = SpansOf(p, i);
                    for (var s = 0; s < spans.Count - 1; s++)
                    {
                        await WriteAsync(copy, spans[s], cancellationToken);
                    }

                    open.Add(spans[^1]);
                    Spans += spans.Count - 1;
                    Observations += spans.Sum(x => 1 + x.Repeats.Count);
                }
            }

            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            $"COPY {HistoryStorageSql.OpenTable} (post_id, first_at, views, likes, shares, comments, saves, repeats) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var span in open)
            {
                await WriteAsync(copy, span, cancellationToken);
            }

            await copy.CompleteAsync(cancellationToken);
        }
    }

    /// <summary>One post's spans of the year, oldest first, as the page writer leaves them.</summary>
    private List<Span> SpansOf(int p, int i)
    {
        var spans = new List<Span>();
        Span? current = null;
        var version = -1;
        for (var d = 0; d < Days; d++)
        {
            var at = ObservedAt(p, d, i);
            var next = LastVersion(i, d);
            if (current is null || next != version || HalfMonth(current.FirstAt) != HalfMonth(at))
            {
                current = new Span(PostId(p, i), at, Counters(i, next), []);
                spans.Add(current);
                version = next;
            }
            else
            {
                current.Repeats.Add((int)(at - current.FirstAt).TotalMilliseconds);
            }
        }

        return spans;
    }

    private static async Task WriteAsync(NpgsqlBinaryImporter copy, Span span, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(span.PostId, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(span.FirstAt, NpgsqlDbType.TimestampTz, cancellationToken);
        foreach (var counter in span.Counters)
        {
            await copy.WriteAsync(counter, NpgsqlDbType.Bigint, cancellationToken);
        }

        if (span.Repeats.Count == 0)
        {
            await copy.WriteNullAsync(cancellationToken);
        }
        else
        {
            await copy.WriteAsync(span.Repeats.ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
        }
    }

    private DateTime ObservedAt(int p, int d, int i) => RunStart(p, d).AddSeconds(2 * (i / PageSize));

    /// <summary>The day (0-based) of post i's last change on or before day d: every day for the newest, weekly for the rest.</summary>
    private static int LastVersion(int i, int d) => i < Newest ? d : d - ((i + d) % 7);

    private static long[] Counters(int i, int version) =>
        [50_000L * (i + 1) + (version * 1_237L), 4_000L * (i + 1) + (version * 91L), 40L * i + version, 90L * i + version, 25L * i + version];

    private long[] Totals(int p, int d)
    {
        long[] totals = [0, 0, 0, 0, 0];
        foreach (var i in new[] { 0, postsPerProfile - 1 })
        {
            var counters = Counters(i, LastVersion(i, d));
            for (var m = 0; m < totals.Length; m++)
            {
                totals[m] += counters[m] * postsPerProfile / 2;
            }
        }

        totals[0] += p;
        return totals;
    }

    private static DateTime HalfMonth(DateTime at) => new(at.Year, at.Month, at.Day >= 16 ? 16 : 1, 0, 0, 0, DateTimeKind.Utc);

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private sealed record Span(long PostId, DateTime FirstAt, long[] Counters, List<int> Repeats);
}
