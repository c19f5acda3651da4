using System.Globalization;

namespace Monitor.Benchmarks;

/// <summary>
/// One line of the table: the app's figure beside the limit measured in the same run (medians of the rounds), their
/// ratio, and the issue's target for reading the ratio (never asserted here).
/// </summary>
internal sealed record BenchmarkRow(string Measure, string Database, double App, double? Limit, string Unit, string Target, bool HigherIsBetter = false)
{
    /// <summary>How many times worse the app is than the limit (1.0 = at the limit).</summary>
    public double? Ratio => Limit is not { } limit || limit <= 0 || App <= 0
        ? null
        : HigherIsBetter ? limit / App : App / limit;

    public string Format() => string.Create(CultureInfo.InvariantCulture,
        $"| {Measure,-46} | {Database,-10} | {Show(App),14} | {(Limit is { } l ? Show(l) : "—"),14} | {(Ratio is { } r ? $"{r:0.00}×" : "—"),6} | {Target,-22} |");

    public static string Header() =>
        $"| {"measure",-46} | {"database",-10} | {"the app",14} | {"the limit",14} | {"ratio",6} | {"target",-22} |" + Environment.NewLine +
        $"|{new string('-', 48)}|{new string('-', 12)}|{new string('-', 15)}:|{new string('-', 15)}:|{new string('-', 7)}:|{new string('-', 24)}|";

    private string Show(double value) => Unit == "rows/s"
        ? value.ToString("N0", CultureInfo.InvariantCulture) + " " + Unit
        : value.ToString("0.00", CultureInfo.InvariantCulture) + " " + Unit;
}
