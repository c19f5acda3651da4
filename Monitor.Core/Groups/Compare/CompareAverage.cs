namespace Monitor.Core.Groups.Compare;

/// <summary>
/// A summary row: the plain mean of each column over <see cref="Profiles"/> profiles (each profile counts once; a
/// profile without the figure is left out of that column's mean), keyed by <see cref="CompareColumn.Key"/>.
/// </summary>
public sealed record CompareAverage(string Label, string Explanation, int Profiles, IReadOnlyDictionary<string, double?> Values)
{
    public static CompareAverage Of(string label, string explanation, IReadOnlyCollection<GroupCompareRow> rows, IReadOnlyList<CompareColumn> columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(columns);
        var values = columns.ToDictionary(c => c.Key, c =>
        {
            var known = rows.Select(c.Value).OfType<double>().ToList();
            return known.Count == 0 ? (double?)null : known.Average();
        });
        return new CompareAverage(label, explanation, rows.Count, values);
    }
}
