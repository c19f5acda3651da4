namespace Monitor.Core.Notifications;

/// <summary>
/// Per profile: the failure streak behind the failed/recovered messages, and the profile's own alert thresholds
/// (null = the global setting).
/// </summary>
public sealed class ProfileAlertState
{
    public Guid ProfileId { get; set; }
    public int ConsecutiveFailures { get; set; }
    public bool FailureAlerted { get; set; }

    public double? GrowthPercent { get; set; }
    public long? GrowthViews { get; set; }
    public double? BreakoutMultiple { get; set; }

    public DateTime UpdatedAt { get; set; }
}
