using Monitor.Core.Common;

namespace Monitor.Core.Notifications.Policies;

/// <summary>
/// How long a failed delivery waits before its next attempt: 1 minute, 5 minutes, 30 minutes, then it is given up
/// (four attempts in all). Long enough for a mail server's restart, short enough that an alert is not stale.
/// </summary>
public static class DeliveryBackoff
{
    private static readonly Backoff Schedule = Backoff.Listed(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30));

    public static int MaxAttempts => Schedule.MaxAttempts;

    /// <param name="attempts">Attempts made so far, the failed one included.</param>
    /// <returns>The wait before the next attempt, or null to give up.</returns>
    public static TimeSpan? After(int attempts) => Schedule.After(attempts);
}
