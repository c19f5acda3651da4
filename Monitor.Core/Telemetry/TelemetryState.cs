using System.Diagnostics.Metrics;

namespace Monitor.Core.Telemetry;

/// <summary>What the gauges report, read from the database at most every few seconds.</summary>
public sealed record TelemetryState(
    IReadOnlyList<Measurement<long>> QueueDepth,
    double OldestDueAge,
    long CreditsThisMonth,
    IReadOnlyList<Measurement<double>> BudgetUsed)
{
    public static TelemetryState Empty { get; } = new([], 0, 0, []);
}
