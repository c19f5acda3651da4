namespace Monitor.Core.Notifications;

/// <summary>
/// Per workspace and profile: the failure streak behind that workspace's failed/recovered messages, and the workspace's
/// own alert thresholds for the profile (null = the workspace's rule). Per workspace, because a profile is one row shared
/// by every workspace watching it, and one workspace's thresholds or alerts must not change another's.
/// </summary>
public sealed class ProfileAlertState
{
    public Guid WorkspaceId { get; set; }
    public Guid ProfileId { get; set; }
    public int ConsecutiveFailures { get; set; }
    public bool FailureAlerted { get; set; }

    public double? GrowthPercent { get; set; }
    public long? GrowthViews { get; set; }
    public double? BreakoutMultiple { get; set; }

    public DateTime UpdatedAt { get; set; }
}
