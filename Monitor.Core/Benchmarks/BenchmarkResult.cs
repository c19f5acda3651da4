namespace Monitor.Core.Benchmarks;

public sealed record BenchmarkResult(string Scenario, int Rows, TimeSpan Elapsed)
{
    public double RowsPerSecond => Rows / Math.Max(Elapsed.TotalSeconds, 1e-9);
}
