using Monitor.Core.Common;

namespace Monitor.Core.Notifications;

/// <summary>The ranges of the alert thresholds, for the global settings and a profile's overrides alike.</summary>
internal static class ThresholdRules
{
    public static void Check(Dictionary<string, string[]> errors, double? percent, long? views, double? multiple)
    {
        if (percent is { } p && (!double.IsFinite(p) || p <= 0 || p > NotificationSettings.MaxPercent))
        {
            errors["growthPercent"] = [$"growthPercent is above 0 and at most {NotificationSettings.MaxPercent:0}."];
        }

        if (views is { } v && (v < 0 || v > FieldLimits.MaxCount))
        {
            errors["growthViews"] = [$"growthViews is 0–{FieldLimits.MaxCount}."];
        }

        if (multiple is { } m && (!double.IsFinite(m) || m <= 1 || m > NotificationSettings.MaxMultiple))
        {
            errors["breakoutMultiple"] = [$"breakoutMultiple is above 1 and at most {NotificationSettings.MaxMultiple:0}."];
        }
    }
}
