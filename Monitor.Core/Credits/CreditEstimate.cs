namespace Monitor.Core.Credits;

/// <summary>
/// Credits a monitoring cadence costs: a run reads every page of the feed (one credit a page), and a profile runs every
/// interval. Pure, so the figures are tested as a table. A month is 30 days here; the forecast uses the real month.
/// </summary>
public static class CreditEstimate
{
    public const int DaysPerMonth = 30;

    public static int PagesPerRun(long posts, int pageSize) =>
        posts <= 0 ? 1 : (int)Math.Min(int.MaxValue, (posts + Math.Max(1, pageSize) - 1) / Math.Max(1, pageSize));

    public static double RunsPerDay(int intervalHours) => 24.0 / Math.Max(1, intervalHours);

    // Rounded before the ceiling, so that 10/3 credits a run, 30 runs, is 100 and not 101.
    public static long PerMonth(double creditsPerRun, int intervalHours) =>
        (long)Math.Ceiling(Math.Round(creditsPerRun * RunsPerDay(intervalHours) * DaysPerMonth, 6));

    /// <summary>The month's spend so far plus <paramref name="creditsPerDay"/> for each day left after today.</summary>
    public static long MonthForecast(long spentSoFar, double creditsPerDay, DateOnly today)
    {
        var daysLeft = DateTime.DaysInMonth(today.Year, today.Month) - today.Day;
        return spentSoFar + (long)Math.Ceiling(Math.Round(creditsPerDay * daysLeft, 6));
    }

    public static decimal Money(long credits, decimal pricePerThousand) => Math.Round(credits * pricePerThousand / 1000m, 2);
}
