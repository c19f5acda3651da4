namespace Monitor.Core.Notifications.Policies;

/// <summary>
/// When a profile's failures are announced. Only runs that failed after their last retry count: a failure that is
/// still being retried says nothing yet. The N-th such failure in a row alerts once; further failures stay quiet
/// (no flood while a profile is down), and the first success after an alert says "recovered". A success without a
/// prior alert is silent, so a flaky run below the threshold never produces a "recovered" out of nowhere.
/// </summary>
public static class FailureAlertPolicy
{
    public static (FailureStreak Next, FailureAlert Alert) Apply(FailureStreak current, bool succeeded, int failuresBeforeAlert)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(failuresBeforeAlert, 1);
        if (succeeded)
        {
            return (new FailureStreak(0, false), current.Alerted ? FailureAlert.Recovered : FailureAlert.None);
        }

        var failures = current.ConsecutiveFailures + 1;
        if (!current.Alerted && failures >= failuresBeforeAlert)
        {
            return (new FailureStreak(failures, true), FailureAlert.Failed);
        }

        return (current with { ConsecutiveFailures = failures }, FailureAlert.None);
    }
}
