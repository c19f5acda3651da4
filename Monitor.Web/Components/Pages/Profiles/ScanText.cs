using System.Globalization;
using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>A ladder rung in words: "Posts under 7 days", "every 6 hours", "daily", "weekly".</summary>
public static class ScanText
{
    public static string Posts(int? maxAgeHours) => maxAgeHours is { } h ? $"Posts under {Age(h)}" : "All posts (full scan)";

    public static string Age(int hours) => hours % 24 == 0 ? Count(hours / 24, "day") : Count(hours, "hour");

    public static string Every(double hours) => hours switch
    {
        24 => "daily",
        168 => "weekly",
        _ when hours % 24 == 0 => $"every {Count((int)(hours / 24), "day")}",
        _ => $"every {Count((int)Math.Round(hours), "hour")}",
    };

    private static string Count(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n.ToString(CultureInfo.InvariantCulture)} {unit}s";
}
