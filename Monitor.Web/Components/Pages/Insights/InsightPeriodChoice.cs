namespace Monitor.Web.Components.Pages.Insights;

/// <summary>The periods the insights tab offers, on posting time.</summary>
public enum InsightPeriodChoice
{
    AllTime,
    Last30Days,
    Last90Days,
    Last365Days,
}
