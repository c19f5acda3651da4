using System.Diagnostics;

namespace Monitor.Benchmarks;

/// <summary>The profiles API of the web node (<c>GET /api/tiktok/profiles?pageSize=50</c>) requested every 0.5 s until stopped.</summary>
internal sealed class DashboardSampler : IDisposable
{
    private readonly HttpClient _http;
    private readonly List<double> _milliseconds = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public DashboardSampler(Uri web, string apiKey)
    {
        _http = new HttpClient { BaseAddress = web, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        _loop = LoopAsync();
    }

    public async Task<(double P95, int Count)> StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        if (_milliseconds.Count == 0)
        {
            return (double.NaN, 0);
        }

        var sorted = _milliseconds.Order().ToList();
        return (sorted[(int)Math.Ceiling(0.95 * sorted.Count) - 1], sorted.Count);
    }

    public void Dispose()
    {
        _http.Dispose();
        _stop.Dispose();
    }

    private async Task LoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var stopwatch = Stopwatch.StartNew();
            using (var response = await _http.GetAsync(new Uri("api/tiktok/profiles?pageSize=50", UriKind.Relative)))
            {
                await response.Content.ReadAsByteArrayAsync();
                response.EnsureSuccessStatusCode();
            }

            _milliseconds.Add(stopwatch.Elapsed.TotalMilliseconds);
            try
            {
                await Task.Delay(500, _stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
