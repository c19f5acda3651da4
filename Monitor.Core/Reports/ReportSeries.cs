using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
namespace Monitor.Core.Reports;

/// <summary>
/// A per-profile counter (followers, total views) summed over the report's profiles, as each local day of the previous
/// and current period ended, in one statement. A profile's last known value carries forward over days without one.
/// </summary>
internal sealed record ReportSeries(IReadOnlyList<ReportPoint> Days, double? AtPreviousStart, double? AtStart, double? AtEnd)
{
    /// <summary>How far back a value before the previous period is looked for, as the gain's baseline.</summary>
    private static readonly TimeSpan BaselineLookBack = TimeSpan.FromDays(92);

    public double? GainedInPeriod => AtEnd is { } end && AtStart is { } start ? end - start : null;

    public double? GainedInPrevious => AtStart is { } start && AtPreviousStart is { } before ? start - before : null;

    public static async Task<ReportSeries> ReadAsync(MonitorDbContext db, string rowsSql, IReadOnlyList<Guid> profileIds,
        ReportPeriod previous, ReportPeriod period, CancellationToken cancellationToken)
    {
        var zone = ReportingTimeZone.FromId(period.TimeZone);
        var days = Enumerable.Range(0, period.End.DayNumber - previous.Start.DayNumber).Select(previous.Start.AddDays).ToList();
        var parameters = new List<object>(profileIds.Cast<object>()) { 0, previous.StartUtc - BaselineLookBack, previous.StartUtc };
        for (var i = 0; i < days.Count; i++)
        {
            parameters.AddRange([i + 1, zone.StartOf(days[i]), zone.StartOf(days[i].AddDays(1))]);
        }

        var rows = await db.Database.SqlQueryRaw<ReportSeriesRow>(ReportSql.LastPerBucket(rowsSql, profileIds.Count, days.Count + 1), [.. parameters])
            .ToListAsync(cancellationToken);
        var byProfile = rows.GroupBy(r => r.ProfileId).ToDictionary(g => g.Key, g => g.ToDictionary(r => r.DayIndex, r => r.Value));

        // The sum of each profile's latest value at the end of bucket i (null until any profile has one).
        double? SumAt(int bucket)
        {
            double? sum = null;
            foreach (var values in byProfile.Values)
            {
                for (var i = bucket; i >= 0; i--)
                {
                    if (values.TryGetValue(i, out var v))
                    {
                        sum = (sum ?? 0) + v;
                        break;
                    }
                }
            }

            return sum;
        }

        var previousDays = period.Start.DayNumber - previous.Start.DayNumber;
        var points = new List<ReportPoint>();
        for (var i = 0; i < days.Count; i++)
        {
            if (SumAt(i + 1) is { } value)
            {
                points.Add(new ReportPoint(days[i], value));
            }
        }

        return new ReportSeries(points, SumAt(0), SumAt(previousDays), SumAt(days.Count));
    }
}
