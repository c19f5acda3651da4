namespace Monitor.Web.Components.Rendering;

/// <summary>
/// Coalesces bursts of refresh requests (a sweep publishes many events) into at most one refresh per interval,
/// run after the interval so the last event of a burst is always seen.
/// </summary>
public sealed class RefreshThrottle(TimeSpan interval, Func<Task> refresh, TimeProvider time) : IDisposable
{
    private readonly CancellationTokenSource _disposed = new();
    private int _scheduled;

    public void Request()
    {
        if (_disposed.IsCancellationRequested || Interlocked.Exchange(ref _scheduled, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    public void Dispose()
    {
        _disposed.Cancel();
        _disposed.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            await Task.Delay(interval, time, _disposed.Token);
            Interlocked.Exchange(ref _scheduled, 0);
            await refresh();
        }
        catch (OperationCanceledException)
        {
            // Disposed with the component.
        }
        catch (ObjectDisposedException)
        {
            // Disposed with the component.
        }
    }
}
