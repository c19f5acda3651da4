namespace Monitor.Web.Components.Charts;

/// <summary>What a metrics chart plots: the counter as recorded, or its growth per day of the reporting zone.</summary>
public enum ChartMode
{
    RunningTotal,
    DailyChange,
}
