namespace Monitor.Core.Workspaces;

/// <summary>The first workspace every install starts with, inserted by the initial migration on both databases.</summary>
public static class WorkspacesMigrationSql
{
    private static readonly string First = WorkspaceDefaults.FirstId.ToString();

    public static string InsertFirstWorkspace(string? activeProvider) =>
        $"""
        INSERT INTO workspaces (id, name, created_at, monthly_credit_budget)
        VALUES ('{First}', '{WorkspaceDefaults.FirstName}', {(activeProvider?.Contains("Sqlite", StringComparison.Ordinal) == true ? "strftime('%Y-%m-%d %H:%M:%f', 'now')" : "now()")}, NULL);
        """;
}
