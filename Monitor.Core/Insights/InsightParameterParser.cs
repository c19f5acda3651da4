using System.Globalization;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Insights.Leaderboards;

namespace Monitor.Core.Insights;

/// <summary>
/// The insight routes' query parameters, read from their text. A time is a date (UTC midnight) or an ISO 8601 time with
/// its offset, as everywhere in the API. Anything else is named in the problems (a 400), never silently ignored.
/// </summary>
public static class InsightParameterParser
{
    private const int MaxTimeLength = 40;

    public static InsightPeriod Period(string? from, string? to, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var start = Time(nameof(from), from, problems);
        var end = Time(nameof(to), to, problems);
        if (start is { } s && end is { } e && s >= e)
        {
            problems[nameof(to)] = ["to must be after from."];
        }

        return new InsightPeriod(start, end);
    }

    /// <summary><c>last30</c> (default) or <c>period</c> (from/to on posting time; all posts when both are omitted).</summary>
    public static EngagementWindow Window(string? window, string? from, string? to, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        var period = Period(from, to, problems);
        switch (window?.Trim().ToLowerInvariant())
        {
            case null or "" or "last30":
                if (from is { Length: > 0 } || to is { Length: > 0 })
                {
                    problems[nameof(window)] = ["from and to apply to window=period; the default window is the last 30 posts."];
                }

                return EngagementWindow.Last30;
            case "period":
                return EngagementWindow.Of(period);
            default:
                problems[nameof(window)] = ["window is last30 (the last 30 posts by posting time, the default) or period (from/to on posting time)."];
                return EngagementWindow.Last30;
        }
    }

    /// <summary>An IANA (or Windows) zone id; <paramref name="fallback"/> when omitted.</summary>
    public static TimeZoneInfo TimeZone(string? timeZone, TimeZoneInfo fallback, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(timeZone))
        {
            return fallback;
        }

        if (timeZone.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(timeZone.Trim(), out var zone))
        {
            return zone;
        }

        problems[nameof(timeZone)] = ["timeZone is an IANA time zone id such as Europe/Berlin or America/New_York."];
        return fallback;
    }

    public static bool Flag(string name, string? text, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        problems[name] = [$"{name} is true or false."];
        return false;
    }

    public static string? SortBy(string? sortBy, Dictionary<string, string[]> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (!LeaderboardSort.IsKnown(sortBy))
        {
            problems[nameof(sortBy)] = [$"sortBy is one of {string.Join(", ", LeaderboardSort.Columns)}."];
            return null;
        }

        return sortBy;
    }

    private static DateTime? Time(string name, string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        }

        if (text.Length <= MaxTimeLength && DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            && parsed.Kind != DateTimeKind.Unspecified)
        {
            return parsed.ToUniversalTime();
        }

        problems[name] = [$"{name} is a date (2026-11-01) or an ISO 8601 time with an offset (2026-11-01T12:00:00Z)."];
        return null;
    }
}
