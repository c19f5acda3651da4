namespace Monitor.Core.Audit;

/// <summary>The stable names of audited actions: filters and scripts rely on them, so they never change once released.</summary>
public static class AuditActions
{
    public const string ProfileAdded = "profile.added";
    public const string ProfileDeleted = "profile.deleted";
    public const string MonitoringChanged = "monitoring.changed";
    public const string RunRequested = "run.requested";
    public const string PostsImported = "posts.imported";
    public const string NoteAdded = "note.added";
    public const string NoteDeleted = "note.deleted";
    public const string GroupCreated = "group.created";
    public const string GroupChanged = "group.changed";
    public const string GroupDeleted = "group.deleted";
    public const string GroupMemberSet = "group.memberSet";
    public const string GroupMemberRemoved = "group.memberRemoved";
    public const string ChannelCreated = "channel.created";
    public const string ChannelChanged = "channel.changed";
    public const string ChannelDeleted = "channel.deleted";
    public const string ChannelTested = "channel.tested";
    public const string AlertRulesChanged = "alertRule.changed";
    public const string ProfileAlertRulesChanged = "alertRule.profileChanged";
    public const string BudgetChanged = "budget.changed";
    public const string UserCreated = "user.created";
    public const string UserDeleted = "user.deleted";
    public const string PasswordChanged = "user.passwordChanged";
    public const string RoleChanged = "role.changed";
    public const string ApiKeyCreated = "apiKey.created";
    public const string ApiKeyRevoked = "apiKey.revoked";
    public const string SignInSucceeded = "signIn.succeeded";
    public const string SignInFailed = "signIn.failed";
    public const string SignedOut = "signIn.signedOut";
    public const string ExportDownloaded = "export.downloaded";
    public const string ShareLinkCreated = "shareLink.created";
    public const string ShareLinkRevoked = "shareLink.revoked";
    public const string WorkspaceCreated = "workspace.created";
    public const string WorkspaceChanged = "workspace.changed";
    public const string WorkspaceDeleted = "workspace.deleted";
    public const string WorkspaceMemberSet = "workspace.memberSet";
    public const string WorkspaceMemberRemoved = "workspace.memberRemoved";
}
