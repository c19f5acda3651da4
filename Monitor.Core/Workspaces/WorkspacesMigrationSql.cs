using Monitor.Core.Accounts;

namespace Monitor.Core.Workspaces;

/// <summary>
/// What the <c>Workspaces</c> migration does to existing data, on both databases: one first workspace that holds every
/// profile and every existing group, channel, key, report and share link (their new column defaults to it), with every
/// user a member (instance admins as admins, the others as viewers). An upgrade changes nothing for a single team.
/// </summary>
public static class WorkspacesMigrationSql
{
    private static readonly string First = WorkspaceDefaults.FirstId.ToString();

    public static string InsertFirstWorkspace(string? activeProvider) =>
        $"""
        INSERT INTO workspaces (id, name, created_at, monthly_credit_budget)
        VALUES ('{First}', '{WorkspaceDefaults.FirstName}', {(activeProvider?.Contains("Sqlite", StringComparison.Ordinal) == true ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now()")}, NULL);
        """;

    public static string LinkExistingProfiles { get; } =
        $"""
        INSERT INTO workspace_profiles (workspace_id, profile_id, added_at)
        SELECT '{First}', p.id, p.created_at FROM tiktok_profiles p;
        """;

    public static string AddExistingUsers { get; } =
        $"""
        INSERT INTO workspace_members (workspace_id, user_id, role)
        SELECT '{First}', u.id,
               CASE WHEN EXISTS (SELECT 1 FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                                 WHERE ur.user_id = u.id AND r.name = '{MonitorRoles.Admin}')
                    THEN 'admin' ELSE 'viewer' END
        FROM users u;
        """;
}
