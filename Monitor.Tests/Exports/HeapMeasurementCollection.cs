namespace Monitor.Tests.Exports;

/// <summary>
/// Tests that measure the process-wide live heap run alone: any test class running beside them (a run, a browser
/// test's app) grows the same heap and makes the measurement say nothing about the code under test.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HeapMeasurementCollection
{
    public const string Name = "Heap measurement";
}
