using System.Text.Json.Serialization;

namespace Monitor.Core.Groups.Compare;

/// <summary>
/// A figure of the compare table: its key (the row's JSON field), its label, what it is (formula and window, shown as
/// the header's tooltip and in the API), and how to read it from a row for sorting and the averages.
/// </summary>
public sealed record CompareColumn(string Key, string Label, string Explanation, CompareFormat Format, [property: JsonIgnore] Func<GroupCompareRow, double?> Value);
