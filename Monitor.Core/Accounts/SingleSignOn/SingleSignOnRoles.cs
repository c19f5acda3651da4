namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>
/// The role a provider's groups give. The strongest mapped role wins, so a member of both the viewers' and the admins'
/// group is an admin; no mapped group means no access (null), never a default role for anyone the provider knows.
/// </summary>
public static class SingleSignOnRoles
{
    private static readonly string[] StrongestFirst = [MonitorRoles.Admin, MonitorRoles.Viewer];

    public static string? RoleFor(IEnumerable<string> groups, IReadOnlyDictionary<string, string> mappings)
    {
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentNullException.ThrowIfNull(mappings);
        var granted = groups
            .Select(g => mappings.TryGetValue(g, out var role) ? role : null)
            .Where(MonitorRoles.IsKnown)
            .ToHashSet(StringComparer.Ordinal);
        return StrongestFirst.FirstOrDefault(granted.Contains);
    }
}
