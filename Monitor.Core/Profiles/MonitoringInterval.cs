namespace Monitor.Core.Profiles;

/// <summary>
/// The one definition of a profile's monitoring interval: whole hours from one hour to a week. The API, the dashboard,
/// the setting <c>Monitoring:DefaultIntervalHours</c> and the schedule all check against these numbers.
/// </summary>
public static class MonitoringInterval
{
    public const int MinHours = 1;
    public const int MaxHours = 168;

    /// <summary>The built-in default of <see cref="MonitoringOptions.DefaultIntervalHours"/>.</summary>
    public const int StandardHours = 24;

    /// <summary>The choices the dashboard offers before "custom": 1 h, 6 h, 12 h, 24 h, 3 days, 7 days.</summary>
    public static IReadOnlyList<int> PresetHours { get; } = [1, 6, 12, 24, 72, 168];

    public static string Rule => $"The interval is a whole number of hours from {MinHours} to {MaxHours} (7 days).";

    public static bool IsValid(int hours) => hours is >= MinHours and <= MaxHours;
}
