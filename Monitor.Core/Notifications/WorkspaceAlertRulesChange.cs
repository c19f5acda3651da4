namespace Monitor.Core.Notifications;

/// <summary>The outcome of saving a workspace's alert rules: the rules saved, or the problems by field.</summary>
public sealed record WorkspaceAlertRulesChange(WorkspaceAlertRulesView? Rules, Dictionary<string, string[]> Errors);
