using Monitor.Core.Notifications.Policies;

namespace Monitor.Tests.Notifications;

public sealed class FailureAlertPolicyTests
{
    public static TheoryData<int, string, string> Sequences => new()
    {
        // threshold, outcomes (F = finally failed, S = completed), alerts per outcome (- none, F failed, R recovered)
        { 1, "F", "F" },
        { 1, "FFF", "F--" },
        { 1, "FS", "FR" },
        { 1, "FSF", "FRF" },
        { 1, "S", "-" },
        { 1, "SS", "--" },
        { 2, "F", "-" },
        { 2, "FS", "--" },
        { 2, "FF", "-F" },
        { 2, "FFFS", "-F-R" },
        { 3, "FFSFFF", "-----F" },
        { 3, "FFFFFFSS", "--F---R-" },
    };

    [Theory]
    [MemberData(nameof(Sequences))]
    public void Apply_Sequence_AlertsOnceAtTheThresholdAndOnceOnRecovery(int threshold, string outcomes, string expected)
    {
        var streak = new FailureStreak(0, false);
        var alerts = new System.Text.StringBuilder();

        foreach (var outcome in outcomes)
        {
            (streak, var alert) = FailureAlertPolicy.Apply(streak, succeeded: outcome == 'S', threshold);
            alerts.Append(alert switch { FailureAlert.Failed => 'F', FailureAlert.Recovered => 'R', _ => '-' });
        }

        Assert.Equal(expected, alerts.ToString());
    }

    [Fact]
    public void Apply_Success_ResetsTheStreak()
    {
        var (next, _) = FailureAlertPolicy.Apply(new FailureStreak(5, true), succeeded: true, failuresBeforeAlert: 2);

        Assert.Equal(new FailureStreak(0, false), next);
    }

    [Fact]
    public void Apply_ThresholdBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => FailureAlertPolicy.Apply(default, false, 0));
}
