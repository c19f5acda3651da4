namespace Monitor.Core.Workspaces;

/// <summary>The first workspace: the migration puts everything that existed before workspaces into it.</summary>
public static class WorkspaceDefaults
{
    /// <summary>Digits only, so it reads the same in PostgreSQL's uuid and SQLite's upper-case text.</summary>
    public static readonly Guid FirstId = new("00000000-0000-0000-0000-000000000001");

    public const string FirstName = "Default";

    public const int NameLength = 100;
}
