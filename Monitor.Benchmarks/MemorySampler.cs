namespace Monitor.Benchmarks;

/// <summary>Each node's resident memory read from outside every second: the first sample, the peak and the last.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly AppNode[] _nodes;
    private readonly List<long>[] _samples;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public MemorySampler(AppNode[] nodes)
    {
        _nodes = nodes;
        _samples = [.. nodes.Select(_ => new List<long>())];
        _loop = LoopAsync();
    }

    public async Task<IReadOnlyList<ClusterBenchmark.NodeFigures>> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        Sample();
        return [.. _nodes.Select((node, i) => new ClusterBenchmark.NodeFigures(node.Name, Mb(_samples[i][0]), Mb(_samples[i].Max()), Mb(_samples[i][^1]),
            Mb(Median(_samples[i].Take(Quarter(_samples[i])))), Mb(Median(_samples[i].TakeLast(Quarter(_samples[i]))))))];
    }

    public void Dispose() => _stop.Dispose();

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;

    private static int Quarter(List<long> samples) => Math.Max(1, samples.Count / 4);

    private static long Median(IEnumerable<long> samples)
    {
        var sorted = samples.Order().ToList();
        return sorted[sorted.Count / 2];
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Sample();
            try
            {
                await Task.Delay(1000, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Sample()
    {
        for (var i = 0; i < _nodes.Length; i++)
        {
            _samples[i].Add(_nodes[i].ResidentBytes());
        }
    }
}
