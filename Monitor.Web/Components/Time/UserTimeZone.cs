using System.Globalization;

namespace Monitor.Web.Components.Time;

/// <summary>
/// The time zone of the user's browser, cascaded to every component so times show as the user's wall-clock time. It
/// comes from the <see cref="CookieName"/> cookie on the first render and from the browser itself once interactive;
/// UTC until either is known.
/// </summary>
public sealed class UserTimeZone(TimeZoneInfo zone)
{
    public const string CookieName = "monitor-tz";

    public static UserTimeZone Utc { get; } = new(TimeZoneInfo.Utc);

    public TimeZoneInfo Zone { get; } = zone;

    public string Id => Zone.Id;

    /// <summary>A zone from an IANA id sent by the browser; an unknown or missing id means UTC.</summary>
    public static UserTimeZone FromId(string? id) =>
        !string.IsNullOrWhiteSpace(id) && id.Length <= 64 && TimeZoneInfo.TryFindSystemTimeZoneById(id.Trim(), out var zone) ? new UserTimeZone(zone) : Utc;

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"2026-11-27 16:20:05 (UTC+01:00)": the local time and its offset from UTC.</summary>
    public string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        var offset = Zone.GetUtcOffset(local);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return local.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            + (offset == TimeSpan.Zero ? " UTC" : $" (UTC{sign}{offset.Duration():hh\\:mm})");
    }
}
