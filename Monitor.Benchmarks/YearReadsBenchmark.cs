using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Data;
using Monitor.Core.Exports;
using Monitor.Core.Posts;
using Monitor.Core.Statistics;

namespace Monitor.Benchmarks;

/// <summary>
/// Issue 20 item 4: the dashboard's reads over a year of data (<see cref="YearVolume"/>), through the Core services the
/// pages and the API call. Each read runs once with its plans captured (<see cref="PlanCapture"/>; a sequential scan of
/// a history table or partition marks the row), then <see cref="Requests"/> times for its p95. PostgreSQL only: the
/// volume is written with COPY into the monthly partitions.
/// </summary>
internal sealed class YearReadsBenchmark(BenchmarkSettings settings)
{
    private string? _connectionString;

    private int Requests => settings.Smoke ? 5 : 20 * settings.Rounds;

    /// <param name="SeqScans">History relations holding rows that a plan scans sequentially (the row fails).</param>
    /// <param name="EmptySeqScans">Empty partitions scanned sequentially (no page read: noted, not failed).</param>
    public sealed record Read(string Name, double P95Ms, double LimitMs, IReadOnlyList<string> SeqScans, int HistoryRelations, int EmptySeqScans = 0)
    {
        public string Verdict => SeqScans.Count > 0
            ? "seq scan on history (" + string.Join(", ", SeqScans.Distinct()) + ")"
            : EmptySeqScans > 0 ? "no seq scan (but of empty partitions)" : "no seq scan";
    }

    public sealed record Result(YearVolume Volume, double GenerateSeconds, long HistoryBytes, IReadOnlyList<Read> Reads,
        double ExportFirstByteMs, double ExportTotalMs, long ExportRows, double ExportPeakLiveMb, double ExportAllocatedMb, Read ExportPlan);

    public async Task<Result> RunAsync()
    {
        var capture = new PlanCapture();
        await using var database = await BenchDatabase.CreateAsync(DatabaseProvider.Postgres, settings,
            configure: services => services.ConfigureDbContext<PostgresMonitorDbContext>(o => o.AddInterceptors(capture)), kept: settings.KeepDatabase);
        var volume = new YearVolume(settings.YearProfiles, settings.YearPosts, settings.YearHistoryProfiles, DateTime.UtcNow.Date);
        var clock = Stopwatch.StartNew();
        var generateSeconds = double.NaN;
        if (!await volume.WrittenAsync(database.Settings.ConnectionString, CancellationToken.None))
        {
            await volume.GenerateAsync(database.Settings.ConnectionString, CancellationToken.None);
            generateSeconds = clock.Elapsed.TotalSeconds;
        }
        var historyBytes = await HistoryBytesBenchmark.HistoryBytesAsync(database, HistoryBytesBenchmark.RelationPattern);
        await PlanCapture.EnableAsync(database.Settings.ConnectionString, structuralOnly: settings.Smoke);
        _connectionString = database.Settings.ConnectionString;

        var profiles = database.Get<ProfileService>();
        var posts = database.Get<PostQueries>();
        var history = database.Get<ProfileHistoryQueries>();
        var statistics = database.Get<MonitoringStatisticsQuery>();
        var sorts = new[] { "views", "handle", "lastMonitoringRun", "followers", "totalPosts" };
        var pages = Math.Max(1, settings.YearProfiles / 50);
        Guid HistoryProfile(int k) => YearVolume.ProfileId((k * 7) % volume.HistoryProfiles);

        var reads = new List<Read>
        {
            await MeasureAsync(capture, "profiles list: search, sort, page of 50", 200, async k =>
            {
                var search = k % 2 == 0 ? YearVolume.Handle((k * 37) % volume.Profiles)[..^1] : null;
                await profiles.ListAsync(new ProfileListQuery(search, sorts[k % sorts.Length], k % 3 == 0, 1 + (k * 13 % pages), 50), CancellationToken.None);
            }),
            await MeasureAsync(capture, "profile page: profile + first 50 posts (2 snapshots each)", 1_000, async k =>
            {
                var id = HistoryProfile(k);
                await profiles.GetAsync(id, CancellationToken.None);
                await history.PreviousTotalsAsync(id, CancellationToken.None);
                await posts.ListAsync(id, new PostListQuery(1, 50, 2, k % 2 == 0 ? "views" : null), CancellationToken.None);
            }),
            await MeasureAsync(capture, "profile charts: a year of totals + gaps", 1_000, async k =>
            {
                var since = DateTime.UtcNow.AddDays(-YearVolume.Days);
                await history.TotalsSinceAsync(HistoryProfile(k), since, CancellationToken.None);
                await history.GapsSinceAsync(HistoryProfile(k), since, CancellationToken.None);
            }),
            await MeasureAsync(capture, "one post's history (a year)", 1_000, async k =>
            {
                var p = (k * 7) % volume.HistoryProfiles;
                await posts.HistoryAsync(volume.PostId(p, k * 31 % volume.PostsPerProfile), CancellationToken.None);
            }),
            await MeasureAsync(capture, "statistics page, 30 days", 1_000, async _ => await statistics.GetAsync(30, CancellationToken.None)),
        };

        var (firstByte, total, rows, peak, allocated, exportPlan) = await ExportAsync(database, capture, volume);
        return new Result(volume, generateSeconds, historyBytes, reads, firstByte, total, rows, peak, allocated, exportPlan);
    }

    private async Task<Read> MeasureAsync(PlanCapture capture, string name, double limitMs, Func<int, Task> read)
    {
        capture.Take();
        await read(0);
        var plans = capture.Take();
        var times = new List<double>();
        for (var k = 1; k <= Requests; k++)
        {
            times.Add((await Rounds.TimeAsync(() => read(k))).TotalMilliseconds);
        }

        capture.Take();
        return await VerdictAsync(name, Rounds.Percentile(times, 95), limitMs, plans);
    }

    private async Task<Read> VerdictAsync(string name, double p95, double limitMs, List<string> plans)
    {
        var scanned = plans.SelectMany(PlanCapture.HistorySeqScans).Distinct().ToList();
        var nonEmpty = await PlanCapture.NonEmptyAsync(_connectionString!, scanned);
        return new Read(name, p95, limitMs, [.. scanned.Where(nonEmpty.Contains)],
            plans.SelectMany(PlanCapture.HistoryRelations).Distinct().Count(), scanned.Count(r => !nonEmpty.Contains(r)));
    }

    /// <summary>The history CSV of one profile's year, streamed: first byte and total (medians), the live heap while writing, what it allocated.</summary>
    private async Task<(double FirstByte, double Total, long Rows, double PeakLiveMb, double AllocatedMb, Read Plan)> ExportAsync(
        BenchDatabase database, PlanCapture capture, YearVolume volume)
    {
        var exports = database.Get<ProfileExports>();
        capture.Take();
        var firstBytes = new List<double>();
        var totals = new List<double>();
        List<string> plans = [];
        for (var round = 0; round < Math.Max(1, settings.Rounds); round++)
        {
            var clock = Stopwatch.StartNew();
            var output = new FirstByteStream(clock);
            await exports.WriteHistoryAsync(YearVolume.ProfileId(round % volume.HistoryProfiles), null, null, output, CancellationToken.None);
            firstBytes.Add(output.FirstByte?.TotalMilliseconds ?? clock.Elapsed.TotalMilliseconds);
            totals.Add(clock.Elapsed.TotalMilliseconds);
            if (round == 0)
            {
                plans = capture.Take();
            }
        }

        var before = GC.GetTotalAllocatedBytes(precise: true);
        var measured = new FirstByteStream(Stopwatch.StartNew(), measureLive: true);
        await exports.WriteHistoryAsync(YearVolume.ProfileId(0), null, null, measured, CancellationToken.None);
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - before) / 1024.0 / 1024.0;
        capture.Take();

        await using var db = await database.Get<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        var profileId = YearVolume.ProfileId(0);
        var rows = await db.PostMetricsHistory.LongCountAsync(h => h.Post!.ProfileId == profileId);
        var plan = await VerdictAsync("CSV history export, a year of one profile", 0, 0, plans);
        return (Rounds.Median(firstBytes), Rounds.Median(totals), rows, measured.PeakLiveHeap / 1024.0 / 1024.0, allocated, plan);
    }
}
