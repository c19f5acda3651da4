namespace Monitor.Core.Statistics;

/// <summary>Runs that ended on one day of the reporting zone, by outcome, and the upstream requests they made.</summary>
public sealed record DailyRunStats(DateOnly Date, int Completed, int Failed, int Interrupted, long Requests)
{
    public int Runs => Completed + Failed + Interrupted;
}
