namespace Monitor.Benchmarks;

/// <summary>The command line: sizes (full or <c>--smoke</c>), rounds, and the databases to run on.</summary>
internal sealed record BenchmarkSettings(bool Smoke, int Rounds, string? PostgresServer, string SqliteDirectory, string? Only = null)
{
    private int? _scaleProfiles;
    private int? _scaleLatencyMs;
    private int? _scalePages;
    private int? _scaleCycles;

    public static BenchmarkSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var postgres = ValueOf(args, "--postgres") ?? Environment.GetEnvironmentVariable("MONITOR_BENCH_POSTGRES");
        var sqlite = ValueOf(args, "--sqlite-dir") ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-{Guid.NewGuid():N}");
        var rounds = int.TryParse(ValueOf(args, "--rounds"), out var r) ? r : 3;
        return new BenchmarkSettings(smoke, rounds, string.IsNullOrWhiteSpace(postgres) ? null : postgres, sqlite, ValueOf(args, "--only"))
        {
            _scaleProfiles = IntOf(args, "--profiles"),
            _scaleLatencyMs = IntOf(args, "--latency"),
            _scalePages = IntOf(args, "--pages"),
            _scaleCycles = IntOf(args, "--cycles"),
            Database = ValueOf(args, "--database"),
            KeepDatabase = ValueOf(args, "--keep-database"),
            PublishedWebFolder = ValueOf(args, "--published-web"),
        };
    }

    /// <summary><c>--database Postgres|Sqlite</c>: one of the two only.</summary>
    public string? Database { get; private init; }

    /// <summary>
    /// <c>--keep-database name</c>: the year-reads volume goes into this PostgreSQL database, which is kept; a later run
    /// that finds it filled (after migrating it) measures without writing the volume again.
    /// </summary>
    public string? KeepDatabase { get; private init; }

    /// <summary><c>--published-web folder</c>: Monitor.Web already published there (the tests' copy); else published once a run.</summary>
    public string? PublishedWebFolder { get; private init; }

    /// <summary>Whether to run the scenario (<c>--only page|bulk|sweep|queue|history|compare|end-to-end|profile-page|scale</c> runs one; default all).</summary>
    public bool Runs(string scenario) => Only is null || string.Equals(Only, scenario, StringComparison.OrdinalIgnoreCase);

    /// <summary>Pages of 30 posts a run writes in the page-write scenario.</summary>
    public int Pages => Smoke ? 5 : 100;

    public int BulkPosts => Smoke ? 2_000 : 100_000;

    public int SweepProfiles => Smoke ? 1_000 : 100_000;

    public int SweepDue => Smoke ? 100 : 10_000;

    public int HistoryPosts => Smoke ? 100 : 1_000;

    public int HistorySnapshots => Smoke ? 3 : 30;

    public int HistoryRequests => Smoke ? 5 : 40;

    public int EndToEndProfiles => Smoke ? 6 : 200;

    public TimeSpan EndToEndLatency => TimeSpan.FromMilliseconds(Smoke ? 10 : 100);

    /// <summary>Profiles of the compared group (Sprout's cap, the default Groups:MaxMembers).</summary>
    public int CompareProfiles => Smoke ? 3 : 20;

    public int ComparePosts => Smoke ? 50 : 1_000;

    public int CompareSnapshots => Smoke ? 3 : 30;

    /// <summary>Comparisons timed a round.</summary>
    public int CompareRequests => Smoke ? 3 : 20;

    /// <summary>Posts of the profile whose page is opened in the browser.</summary>
    public int ProfilePagePosts => Smoke ? 300 : 10_000;

    /// <summary>Times the profile page is opened, each in a fresh browser context.</summary>
    public int ProfilePageLoads => Smoke ? 2 : 5 * Rounds;

    /// <summary>Circuits held open at once for the memory figure.</summary>
    public int ProfilePageCircuits => Smoke ? 2 : 20;

    /// <summary>Profiles of the scale run (<c>--profiles N</c>).</summary>
    public int ScaleProfiles => _scaleProfiles ?? (Smoke ? 4 : 1_000);

    /// <summary>The fake upstream's latency a request (<c>--latency ms</c>).</summary>
    public TimeSpan ScaleLatency => TimeSpan.FromMilliseconds(_scaleLatencyMs ?? (Smoke ? 10 : 300));

    /// <summary>Pages of 30 posts each profile has (<c>--pages N</c>): 10 is 300 posts.</summary>
    public int ScalePages => _scalePages ?? (Smoke ? 2 : 10);

    /// <summary>Daily cycles run one after the other (<c>--cycles N</c>): the second shows a day of known posts.</summary>
    public int ScaleCycles => _scaleCycles ?? (Smoke ? 2 : 1);

    /// <summary>Profiles of the cluster run (<c>--profiles N</c>).</summary>
    public int ClusterProfiles => _scaleProfiles ?? (Smoke ? 6 : 10_000);

    /// <summary>The cluster's upstream latency a request (<c>--latency ms</c>).</summary>
    public TimeSpan ClusterLatency => TimeSpan.FromMilliseconds(_scaleLatencyMs ?? (Smoke ? 10 : 300));

    /// <summary>
    /// Posts of each profile in the cluster run, one feed page: a profile's daily run reads its newest page, and on
    /// this 2-core machine 10,000 profiles × 300 posts (10 pages) would take the day's bound to 50 minutes.
    /// </summary>
    public int ClusterPostsPerPage => Smoke ? 5 : 30;

    /// <summary>Profiles of the year-reads volume (issue 20 item 4: 10,000).</summary>
    public int YearProfiles => Smoke ? 40 : 10_000;

    /// <summary>Posts of each profile of the year-reads volume.</summary>
    public int YearPosts => Smoke ? 30 : 300;

    /// <summary>
    /// Profiles whose posts get a year of history (<c>--profiles N</c>): the full 10,000 would be about 305 M spans
    /// (1.1 G observations, ≈ 44 GB) and hours of COPY on this machine; every read is bounded by one profile or post, so
    /// its cost does not grow with the others' history (docs/scaling.md). The smoke size passes the history count's
    /// exact-count threshold, so the statistics read takes its estimate path there too.
    /// </summary>
    public int YearHistoryProfiles => Math.Min(YearProfiles, _scaleProfiles ?? (Smoke ? 20 : 1_000));

    private static int? IntOf(string[] args, string name) =>
        int.TryParse(ValueOf(args, name), System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0 ? value : null;

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
