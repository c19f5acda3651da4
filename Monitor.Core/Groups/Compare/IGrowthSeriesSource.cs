using Monitor.Core.Data;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// A per-profile daily series the growth chart can index to 100 (total views today; followers once account history
/// exists). Read for the whole group at once; each registered source gives one chart.
/// </summary>
public interface IGrowthSeriesSource
{
    /// <summary>What the series counts, e.g. "Total views".</summary>
    string Metric { get; }

    /// <summary>Where the values come from, for the chart's caption.</summary>
    string Explanation { get; }

    /// <returns>Per member, its values by day (oldest first), only days that have one.</returns>
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<DailyValue>>> ReadAsync(MonitorDbContext db, CompareScope scope, CancellationToken cancellationToken);
}
