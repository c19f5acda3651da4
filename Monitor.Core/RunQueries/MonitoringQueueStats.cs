namespace Monitor.Core.RunQueries;

/// <summary>
/// The queue as the logs record it, so every node reports the same numbers. <see cref="Waiting"/>: pending and due;
/// <see cref="Delayed"/>: pending with a later start (jitter, retry backoff); <see cref="Completed"/> and
/// <see cref="Failed"/>: finished within the window.
/// </summary>
public sealed record MonitoringQueueStats(
    int Waiting,
    int Active,
    int Completed,
    int Failed,
    int Delayed,
    int Total,
    int WindowHours,
    string Window);
