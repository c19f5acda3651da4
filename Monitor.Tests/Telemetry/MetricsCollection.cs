namespace Monitor.Tests.Telemetry;

/// <summary>
/// Meters are found by name across the whole test process: an app running beside these tests would add its runs and
/// gauges to what they read. This collection runs alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MetricsCollection
{
    public const string Name = "Metrics (alone)";
}
