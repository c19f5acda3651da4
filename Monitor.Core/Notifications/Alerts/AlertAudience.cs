using Monitor.Core.Notifications.Policies;

namespace Monitor.Core.Notifications.Alerts;

/// <summary>
/// One workspace evaluating a profile's growth and breakouts: its thresholds, and whose channels hear it
/// (<see cref="ChannelWorkspaceId"/> null = every channel, for a profile no workspace watches).
/// </summary>
internal sealed record AlertAudience(Guid WorkspaceId, Guid? ChannelWorkspaceId, GrowthThresholds Thresholds)
{
    public bool Hears(NotificationChannel channel) => ChannelWorkspaceId is not { } id || channel.WorkspaceId == id;
}
