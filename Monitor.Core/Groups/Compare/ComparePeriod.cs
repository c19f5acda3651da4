using Monitor.Core.Common;
namespace Monitor.Core.Groups.Compare;

/// <summary>
/// The days compared: <see cref="From"/> to <see cref="To"/> inclusive, calendar days of <c>Monitoring:TimeZone</c>
/// (<see cref="TimeZone"/>), i.e. the instants <see cref="StartUtc"/> (included) to <see cref="EndUtc"/> (excluded).
/// </summary>
public sealed record ComparePeriod(DateOnly From, DateOnly To, string TimeZone, DateTime StartUtc, DateTime EndUtc)
{
    public const int DefaultDays = 30;
    public const int MaxDays = 366;

    public int Days => To.DayNumber - From.DayNumber + 1;

    public double Weeks => Days / 7.0;

    /// <summary>The period asked for: <c>to</c> defaults to today, <c>from</c> to <see cref="DefaultDays"/> days ending on <c>to</c>.</summary>
    /// <returns>The period, or the parameter at fault and why.</returns>
    public static (ComparePeriod? Period, string? Field, string? Problem) Create(DateOnly? from, DateOnly? to, ReportingTimeZone zone, DateTime nowUtc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var last = to ?? zone.DayOf(nowUtc);
        var first = from ?? last.AddDays(1 - DefaultDays);
        if (first > last)
        {
            return (null, "from", $"from ({first:yyyy-MM-dd}) is after to ({last:yyyy-MM-dd}).");
        }

        if (last.DayNumber - first.DayNumber + 1 > MaxDays)
        {
            return (null, "to", $"A period is at most {MaxDays} days; {first:yyyy-MM-dd} to {last:yyyy-MM-dd} is {last.DayNumber - first.DayNumber + 1}.");
        }

        return (new ComparePeriod(first, last, zone.Id, zone.StartOf(first), zone.StartOf(last.AddDays(1))), null, null);
    }
}
