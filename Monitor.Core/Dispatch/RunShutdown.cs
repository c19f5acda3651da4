namespace Monitor.Core.Dispatch;

/// <summary>
/// Graceful stop of the runs in this process. <see cref="Stopping"/> asks each run to finish its current page and
/// stop there (it then closes as interrupted and queues its next attempt); <see cref="Aborted"/> cancels a page in
/// flight when the host's shutdown timeout is running out. The host waits in <see cref="StopAsync"/>.
/// </summary>
#pragma warning disable CA1001 // Token sources without timers hold nothing to release; disposing them would make a late reader throw.
public sealed class RunShutdown
#pragma warning restore CA1001
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly CancellationTokenSource _aborted = new();
    private readonly Lock _gate = new();
    private int _active;
    private TaskCompletionSource _idle = NewIdle(completed: true);

    public CancellationToken Stopping => _stopping.Token;
    public CancellationToken Aborted => _aborted.Token;

    /// <summary>Counts a run as active until the returned handle is disposed.</summary>
    public IDisposable Enter()
    {
        lock (_gate)
        {
            if (_active++ == 0)
            {
                _idle = NewIdle(completed: false);
            }
        }

        return new Exit(this);
    }

    /// <summary>Asks the runs to stop after their page and waits; when <paramref name="deadline"/> fires, cancels what is left.</summary>
    /// <param name="grace">How long an aborted run gets to write its interruption once the deadline has passed.</param>
    public async Task StopAsync(TimeSpan grace, CancellationToken deadline)
    {
        await _stopping.CancelAsync();
        Task idle;
        lock (_gate)
        {
            idle = _idle.Task;
        }

        try
        {
            await idle.WaitAsync(deadline);
        }
        catch (OperationCanceledException)
        {
            await _aborted.CancelAsync();
            await Task.WhenAny(idle, Task.Delay(grace, CancellationToken.None));
        }
    }

    private void Leave()
    {
        lock (_gate)
        {
            if (--_active == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource NewIdle(bool completed)
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (completed)
        {
            idle.SetResult();
        }

        return idle;
    }

    private sealed class Exit(RunShutdown owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Leave();
            }
        }
    }
}
