using System.Globalization;
using Humanizer;
using Humanizer.Localisation;

namespace Monitor.Web.Components.Formatting;

/// <summary>A monitoring interval in words: "every hour", "every 6 hours", "every 3 days", "every day, 12 hours".</summary>
public static class Cadence
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    public static string Describe(int intervalHours)
    {
        var words = TimeSpan.FromHours(intervalHours).Humanize(precision: 2, culture: English, maxUnit: TimeUnit.Week, minUnit: TimeUnit.Hour);
        // "1 day" reads "every day"; "1 day, 12 hours" reads "every day, 12 hours" too.
        return "every " + (words.StartsWith("1 ", StringComparison.Ordinal) ? words[2..] : words);
    }
}
