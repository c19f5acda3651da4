namespace Monitor.Web.Components.Monitoring;

/// <summary>
/// The queue at a glance. Waiting: due and not started. Delayed: queued for later (jitter, retry). Active: running.
/// Completed and Failed count runs that ended within <see cref="Window"/>.
/// </summary>
public sealed record QueueStats(int Waiting, int Active, int Completed, int Failed, int Delayed, TimeSpan Window);
