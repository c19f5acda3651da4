using System.Globalization;
using Monitor.Core.Common;
namespace Monitor.Core.Changes;

/// <summary>
/// The one reading of a date a user gives the change feed (a note's date, a range bound): a day "2026-11-14", counted
/// in <c>Monitoring:TimeZone</c>, or a moment with its offset "2026-11-14T09:30:00Z".
/// </summary>
public static class ChangeDates
{
    public const string Rule = "a day (yyyy-MM-dd, in the server's Monitoring:TimeZone) or a timestamp with its offset (e.g. 2026-11-14T09:30:00Z), between 2000 and 2100";

    /// <returns>The UTC start of the day or the moment, and whether it was a day; null when it is neither, or implausible.</returns>
    public static (DateTime At, DateOnly? Day)? Parse(string? text, ReportingTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        (DateTime At, DateOnly? Day)? parsed = null;
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            parsed = (zone.StartOf(day), day);
        }
        else if (trimmed.Contains('T', StringComparison.Ordinal) && HasOffset(trimmed)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.None, out var moment))
        {
            parsed = (moment.UtcDateTime, null);
        }

        return parsed is { } value && value.At >= ChangeLimits.MinDate && value.At < ChangeLimits.MaxDate ? value : null;
    }

    private static bool HasOffset(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || text.LastIndexOfAny(['+', '-']) > text.IndexOf('T', StringComparison.Ordinal);
}
