namespace Monitor.Core.Notifications.Policies;

/// <summary>A profile's finally failed runs in a row, and whether that failure was announced.</summary>
public readonly record struct FailureStreak(int ConsecutiveFailures, bool Alerted);
