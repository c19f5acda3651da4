using Monitor.Core.Notifications.Policies;

namespace Monitor.Core.Notifications;

/// <summary>The global notification settings in force (the Notifications page's values over <c>Notifications:*</c>).</summary>
public sealed record NotificationSettings(int FailuresBeforeAlert, double GrowthPercent, long GrowthViews, double BreakoutMultiple)
{
    public const int MaxFailuresBeforeAlert = 100;
    public const double MaxPercent = 1_000_000;
    public const double MaxMultiple = 10_000;

    public GrowthThresholds Thresholds => new(GrowthPercent, GrowthViews, BreakoutMultiple);

    /// <summary>The profile's own thresholds where it has them, these elsewhere.</summary>
    public GrowthThresholds ThresholdsFor(ProfileAlertState? state) => new(
        state?.GrowthPercent ?? GrowthPercent,
        state?.GrowthViews ?? GrowthViews,
        state?.BreakoutMultiple ?? BreakoutMultiple);

    /// <returns>Problems by field name; empty when valid.</returns>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (FailuresBeforeAlert is < 1 or > MaxFailuresBeforeAlert)
        {
            errors["failuresBeforeAlert"] = [$"failuresBeforeAlert is 1–{MaxFailuresBeforeAlert}."];
        }

        ThresholdRules.Check(errors, GrowthPercent, GrowthViews, BreakoutMultiple);
        return errors;
    }
}
