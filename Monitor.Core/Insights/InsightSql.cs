using System.Globalization;
using Monitor.Core.Data;

namespace Monitor.Core.Insights;

/// <summary>
/// Builds one insight query's SQL and its parameters for EF's <c>SqlQueryRaw</c> (placeholders <c>{0}</c>…, bound by EF
/// with the model's type mappings, so a profile id or a time compares as the stored column does on either provider).
/// The only SQL that differs between PostgreSQL and SQLite is time arithmetic: <see cref="PlusSeconds"/> (a bound an index
/// can seek to) and <see cref="EpochSeconds"/> (local hours, counted in whole seconds since 1970, which both count exactly).
/// </summary>
internal sealed class InsightSql(DatabaseProvider provider)
{
    private readonly List<object> _parameters = [];

    public object[] Parameters => [.. _parameters];

    /// <summary>A placeholder bound to <paramref name="value"/>.</summary>
    public string Param(object value)
    {
        _parameters.Add(value);
        return "{" + (_parameters.Count - 1).ToString(CultureInfo.InvariantCulture) + "}";
    }

    /// <summary>Whole seconds since 1970-01-01 UTC (fractions dropped) of a UTC time column, as a 64-bit integer.</summary>
    public string EpochSeconds(string column) => provider == DatabaseProvider.Postgres
        ? $"CAST(FLOOR(EXTRACT(EPOCH FROM {column})) AS bigint)"
        : $"CAST(strftime('%s', {column}) AS INTEGER)";

    /// <summary>
    /// A UTC time column plus whole seconds, comparable with the stored times of the same provider, so a range on it is an
    /// index range: PostgreSQL adds an interval; SQLite writes the text EF stores (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>,
    /// trailing zeros trimmed) to the millisecond, so text order is time order.
    /// </summary>
    public string PlusSeconds(string column, long seconds)
    {
        var amount = seconds.ToString(CultureInfo.InvariantCulture);
        if (provider == DatabaseProvider.Postgres)
        {
            return $"({column} + {amount} * interval '1 second')";
        }

        var text = $"strftime('%Y-%m-%d %H:%M:%f', {column}, '+{amount} seconds')";
        return $"(CASE WHEN substr({text}, 20) = '.000' THEN substr({text}, 1, 19) ELSE rtrim({text}, '0') END)";
    }

    public bool IsPostgres => provider == DatabaseProvider.Postgres;

    /// <summary>
    /// The posts of <paramref name="profileIds"/> published in <paramref name="period"/>, as a WHERE condition on a post
    /// row aliased <c>p</c> (through the (profile_id, posted_at) index).
    /// </summary>
    public string PostsOf(IReadOnlyCollection<Guid> profileIds, InsightPeriod period)
    {
        ArgumentNullException.ThrowIfNull(profileIds);
        ArgumentNullException.ThrowIfNull(period);
        var ids = profileIds.Count == 0 ? "NULL" : string.Join(", ", profileIds.Distinct().Select(id => Param(id)));
        var condition = $"p.profile_id IN ({ids}) AND p.posted_at IS NOT NULL";
        if (period.From is { } from)
        {
            condition += $" AND p.posted_at >= {Param(DateTime.SpecifyKind(from, DateTimeKind.Utc))}";
        }

        if (period.To is { } to)
        {
            condition += $" AND p.posted_at < {Param(DateTime.SpecifyKind(to, DateTimeKind.Utc))}";
        }

        return condition;
    }

    /// <summary>
    /// Columns numbering <paramref name="value"/> within <paramref name="partition"/> (nulls last) and counting its known
    /// values, named <c>{name}_rn</c> and <c>{name}_n</c>, for <see cref="Median"/>.
    /// </summary>
    public static string MedianRanks(string value, string partition, string name) =>
        $"ROW_NUMBER() OVER (PARTITION BY {partition} ORDER BY CASE WHEN {value} IS NULL THEN 1 ELSE 0 END, {value}) AS {name}_rn, "
        + $"COUNT({value}) OVER (PARTITION BY {partition}) AS {name}_n";

    /// <summary>
    /// The nearest-rank median of the known values ranked by <see cref="MedianRanks"/>, as an aggregate over the group: the
    /// value ranked ⌈n/2⌉ (the lower middle of an even count), like <see cref="Monitoring.Statistics.Percentiles"/> —
    /// always a value that was observed. NULL when no value is known. One shape, run by PostgreSQL and SQLite alike.
    /// </summary>
    public static string Median(string value, string name) => $"MAX(CASE WHEN {name}_rn = ({name}_n + 1) / 2 THEN {value} END)";
}
