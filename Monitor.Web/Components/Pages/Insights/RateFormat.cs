using System.Globalization;

namespace Monitor.Web.Components.Pages.Insights;

/// <summary>How a rate is written: a percentage with two decimals ("5.21 %"), "—" when unknown (never 0).</summary>
public static class RateFormat
{
    public static string Percent(double? rate) =>
        rate is { } r ? (r * 100).ToString("0.00", CultureInfo.InvariantCulture) + " %" : "—";
}
