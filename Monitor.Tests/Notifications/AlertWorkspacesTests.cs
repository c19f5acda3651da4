using Monitor.Core.Notifications.Alerts;
using Monitor.Core.Workspaces;

namespace Monitor.Tests.Notifications;

public sealed class AlertWorkspacesTests
{
    private static readonly Guid Second = new("00000000-0000-0000-0000-000000000002");
    private static readonly Guid Third = new("00000000-0000-0000-0000-000000000003");

    [Fact]
    public void Following_NoWorkspaceWatches_IsTheFirstWorkspace() =>
        Assert.Equal([WorkspaceDefaults.FirstId], AlertWorkspaces.Following([]));

    [Fact]
    public void Following_WorkspacesWatch_IsThoseInIdOrder() =>
        Assert.Equal([Second, Third], AlertWorkspaces.Following([Third, Second]));

    [Fact]
    public void ChannelsOf_WatchedProfile_IsTheWorkspacesOwn() =>
        Assert.Equal(Second, AlertWorkspaces.ChannelsOf(Second, watched: true));

    [Fact]
    public void ChannelsOf_ProfileNobodyWatches_IsEveryChannel() =>
        Assert.Null(AlertWorkspaces.ChannelsOf(WorkspaceDefaults.FirstId, watched: false));
}
