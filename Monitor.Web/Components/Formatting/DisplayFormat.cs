using System.Globalization;
using Monitor.Core.Runs;
using Monitor.Web.Components.Time;
namespace Monitor.Web.Components.Formatting;

/// <summary>How the dashboard writes numbers and times: short on screen, exact on hover.</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>1234 → "1.2K", 15_300 → "15.3K", 1_234_567 → "1.2M". Truncated, not rounded, so 999,999 stays "999.9K".</summary>
    public static string Compact(long? value)
    {
        if (value is not { } v)
        {
            return "—";
        }

        var sign = v < 0 ? "−" : "";
        var magnitude = Math.Abs((decimal)v);
        return magnitude switch
        {
            < 1_000m => sign + magnitude.ToString("0", Culture),
            < 1_000_000m => sign + Truncate(magnitude / 1_000m) + "K",
            < 1_000_000_000m => sign + Truncate(magnitude / 1_000_000m) + "M",
            < 1_000_000_000_000m => sign + Truncate(magnitude / 1_000_000_000m) + "B",
            _ => sign + Truncate(magnitude / 1_000_000_000_000m) + "T",
        };
    }

    /// <summary>1234567 → "1,234,567".</summary>
    public static string Exact(long? value) => value is { } v ? v.ToString("N0", Culture) : "unknown";

    /// <summary>A change: "+1.2K", "−300", "±0".</summary>
    public static string Delta(long value) => value switch
    {
        > 0 => "+" + Compact(value),
        < 0 => Compact(value),
        _ => "±0",
    };

    public static string ExactDelta(long value) => (value > 0 ? "+" : "") + value.ToString("N0", Culture);

    /// <summary>"just now", "3 min ago", "in 2 h", "5 d ago".</summary>
    public static string Relative(DateTime? utc, DateTime nowUtc, string none = "—")
    {
        if (utc is not { } when)
        {
            return none;
        }

        var delta = when - nowUtc;
        var span = delta.Duration();
        if (span < TimeSpan.FromSeconds(45))
        {
            return delta < TimeSpan.Zero ? "just now" : "in a moment";
        }

        var text = span switch
        {
            _ when span < TimeSpan.FromMinutes(60) => $"{Math.Max(1, (int)Math.Round(span.TotalMinutes))} min",
            _ when span < TimeSpan.FromHours(24) => $"{(int)Math.Round(span.TotalHours)} h",
            _ when span < TimeSpan.FromDays(60) => $"{(int)Math.Round(span.TotalDays)} d",
            _ when span < TimeSpan.FromDays(730) => $"{(int)Math.Round(span.TotalDays / 30.4)} mo",
            _ => $"{(int)Math.Round(span.TotalDays / 365.25)} y",
        };
        return delta < TimeSpan.Zero ? text + " ago" : "in " + text;
    }

    public static string ExactTime(DateTime? utc, UserTimeZone? zone = null) =>
        utc is { } when ? (zone ?? UserTimeZone.Utc).Format(when) : "";

    public static string Duration(TimeSpan? duration) => duration switch
    {
        null => "—",
        { TotalSeconds: < 1 } d => $"{d.TotalMilliseconds:0} ms",
        { TotalMinutes: < 1 } d => $"{d.TotalSeconds:0.0} s",
        { TotalHours: < 1 } d => $"{(int)d.TotalMinutes} min {d.Seconds} s",
        { } d => $"{(int)d.TotalHours} h {d.Minutes} min",
    };

    private static string Truncate(decimal value) =>
        (Math.Truncate(value * 10m) / 10m).ToString("0.#", Culture);

    /// <summary>What followed a failed or interrupted run, from its typed decision.</summary>
    public static string Retry(RetryDecision decision) => decision switch
    {
        RetryDecision.Retrying => "retried as a new attempt",
        RetryDecision.GaveUp => "gave up: no attempts left (Monitoring:MaxAttempts)",
        RetryDecision.NotRetryable => "not retried: a later attempt cannot succeed",
        _ => "not retried: monitoring was turned off",
    };
}
