namespace Monitor.Benchmarks;

/// <summary>The command line: sizes (full or <c>--smoke</c>), rounds, and the databases to run on.</summary>
internal sealed record BenchmarkSettings(bool Smoke, int Rounds, string? PostgresServer, string SqliteDirectory, string? Only = null)
{
    public static BenchmarkSettings Parse(string[] args)
    {
        var smoke = args.Contains("--smoke");
        var postgres = ValueOf(args, "--postgres") ?? Environment.GetEnvironmentVariable("MONITOR_BENCH_POSTGRES");
        var sqlite = ValueOf(args, "--sqlite-dir") ?? Path.Combine(Path.GetTempPath(), $"monitor-bench-{Guid.NewGuid():N}");
        var rounds = int.TryParse(ValueOf(args, "--rounds"), out var r) ? r : 3;
        return new BenchmarkSettings(smoke, rounds, string.IsNullOrWhiteSpace(postgres) ? null : postgres, sqlite, ValueOf(args, "--only"));
    }

    /// <summary>Whether to run the scenario (<c>--only page|bulk|sweep|history|end-to-end</c> runs one; default all).</summary>
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

    private static string? ValueOf(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
