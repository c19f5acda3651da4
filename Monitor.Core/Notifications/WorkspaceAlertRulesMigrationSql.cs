using Monitor.Core.Workspaces;

namespace Monitor.Core.Notifications;

/// <summary>
/// What the <c>WorkspaceAlertRules</c> migration does to existing data, on both databases (the same SQL: the type names
/// cast alike in PostgreSQL and SQLite). The new workspace columns of <c>profile_alert_states</c> and <c>post_alerts</c>
/// default to the first workspace; then every other workspace watching a profile gets a copy of its state and of its
/// posts' raised alerts, so it alerts, and stays quiet, exactly as before. The instance's rules saved by an admin become
/// the first workspace's own; they also stay the instance's defaults, which other workspaces follow.
/// </summary>
public static class WorkspaceAlertRulesMigrationSql
{
    private static readonly string First = WorkspaceDefaults.FirstId.ToString();

    public static string CopyAlertStatesToWatchingWorkspaces { get; } =
        $"""
        INSERT INTO profile_alert_states (workspace_id, profile_id, consecutive_failures, failure_alerted, growth_percent, growth_views, breakout_multiple, updated_at)
        SELECT l.workspace_id, s.profile_id, s.consecutive_failures, s.failure_alerted, s.growth_percent, s.growth_views, s.breakout_multiple, s.updated_at
        FROM profile_alert_states s JOIN workspace_profiles l ON l.profile_id = s.profile_id
        WHERE s.workspace_id = '{First}' AND l.workspace_id <> '{First}';
        """;

    public static string CopyPostAlertsToWatchingWorkspaces { get; } =
        $"""
        INSERT INTO post_alerts (workspace_id, post_id, kind, threshold, sent_at)
        SELECT l.workspace_id, a.post_id, a.kind, a.threshold, a.sent_at
        FROM post_alerts a JOIN tiktok_posts p ON p.id = a.post_id JOIN workspace_profiles l ON l.profile_id = p.profile_id
        WHERE a.workspace_id = '{First}' AND l.workspace_id <> '{First}';
        """;

    public static string MoveInstanceRulesToFirstWorkspace { get; } =
        $"""
        INSERT INTO workspace_alert_rules (workspace_id, failures_before_alert, growth_percent, growth_views, breakout_multiple, updated_at)
        SELECT '{First}',
               (SELECT CAST(value AS integer) FROM app_settings WHERE key = 'notifications.failuresBeforeAlert'),
               (SELECT CAST(value AS double precision) FROM app_settings WHERE key = 'notifications.growthPercent'),
               (SELECT CAST(value AS bigint) FROM app_settings WHERE key = 'notifications.growthViews'),
               (SELECT CAST(value AS double precision) FROM app_settings WHERE key = 'notifications.breakoutMultiple'),
               (SELECT MAX(updated_at) FROM app_settings WHERE key LIKE 'notifications.%')
        WHERE EXISTS (SELECT 1 FROM app_settings WHERE key LIKE 'notifications.%')
          AND EXISTS (SELECT 1 FROM workspaces WHERE id = '{First}');
        """;
}
