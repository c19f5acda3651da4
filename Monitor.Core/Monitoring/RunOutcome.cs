namespace Monitor.Core.Monitoring;

/// <summary>How one attempt ended; the scheduler decides from <see cref="Retryable"/> whether to try again.</summary>
public sealed record RunOutcome(long LogId, MonitoringStatus Status, int PagesScraped, int PostsScraped, string? Error = null, bool Retryable = false)
{
    public bool Succeeded => Status == MonitoringStatus.Completed;
}
