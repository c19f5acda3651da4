using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>
/// The profile page's tabs by name, as the address carries them (<c>?tab=insights</c>): a reload, a reconnect after a
/// phone's lock screen, or a shared link opens the same tab.
/// </summary>
public static class ProfileTabs
{
    private static readonly string[] Names = ["posts", "trends", "logs", "changes", "insights", "audience"];

    public static int? IndexOf(string? name)
    {
        var index = Array.FindIndex(Names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? null : index;
    }

    public static string? NameOf(int index) => index >= 0 && index < Names.Length ? Names[index] : null;
}
