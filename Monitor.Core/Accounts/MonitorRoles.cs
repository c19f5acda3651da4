namespace Monitor.Core.Accounts;

/// <summary>The two roles: an admin changes things (profiles, monitoring, keys, users); a viewer only looks.</summary>
public static class MonitorRoles
{
    public const string Admin = "admin";
    public const string Viewer = "viewer";

    public static IReadOnlyList<string> All { get; } = [Admin, Viewer];

    public static bool IsKnown(string? role) => role is Admin or Viewer;
}
