using System.Globalization;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// Indexes each profile's daily series to 100 at its base: the value on the first day at or after the period's start
/// that has one. A profile without a value on the period's first day starts at its first value instead, and its line
/// says so: starting it at 100 later is the only fair reading, since its growth before that day is unknown.
/// </summary>
public static class IndexedGrowth
{
    public const string Formula = "index = value on the day ÷ value on the base day × 100; the base day is the period's first day, or the profile's first day with a value in the period.";

    public static GrowthSeries Index(Guid profileId, string handle, bool isOwn, DateOnly periodStart, IReadOnlyList<DailyValue> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var inPeriod = values.Where(v => v.Day >= periodStart).OrderBy(v => v.Day).ToList();
        if (inPeriod.Count == 0)
        {
            return new GrowthSeries(profileId, handle, isOwn, null, null, false, "No value recorded in the period.", []);
        }

        var basis = inPeriod[0];
        var late = basis.Day > periodStart;
        var lateNote = late ? string.Create(CultureInfo.InvariantCulture, $"No value on {periodStart:yyyy-MM-dd}: indexed from its first value, on {basis.Day:yyyy-MM-dd}.") : null;
        if (basis.Value == 0)
        {
            return new GrowthSeries(profileId, handle, isOwn, basis.Day, 0, late,
                string.Create(CultureInfo.InvariantCulture, $"Its value on {basis.Day:yyyy-MM-dd} is 0: nothing to index against."), []);
        }

        return new GrowthSeries(profileId, handle, isOwn, basis.Day, basis.Value, late, lateNote,
            [.. inPeriod.Select(v => new GrowthPoint(v.Day, v.Value, v.Value / basis.Value * 100))]);
    }
}
