using Monitor.Core.Insights;

namespace Monitor.Web.Components.Pages.Insights;

public static class InsightPeriodChoices
{
    public static IReadOnlyList<InsightPeriodChoice> All { get; } = Enum.GetValues<InsightPeriodChoice>();

    public static string Label(InsightPeriodChoice choice) => choice switch
    {
        InsightPeriodChoice.Last30Days => "Posted in the last 30 days",
        InsightPeriodChoice.Last90Days => "Posted in the last 90 days",
        InsightPeriodChoice.Last365Days => "Posted in the last 365 days",
        _ => "All posts",
    };

    public static InsightPeriod Period(InsightPeriodChoice choice, DateTime nowUtc) => choice switch
    {
        InsightPeriodChoice.Last30Days => InsightPeriod.LastDays(30, nowUtc),
        InsightPeriodChoice.Last90Days => InsightPeriod.LastDays(90, nowUtc),
        InsightPeriodChoice.Last365Days => InsightPeriod.LastDays(365, nowUtc),
        _ => InsightPeriod.AllTime,
    };
}
