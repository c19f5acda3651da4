namespace Monitor.Core.Workspaces;

/// <summary>
/// The workspace a caller lands in when they named none (or one no longer theirs): one rule for the API, a page's first
/// render and the circuit, so the prerendered page and the live one agree.
/// </summary>
public static class WorkspaceChooser
{
    /// <summary>The first workspace when the user is in it, else the one with the smallest id (stable across requests).</summary>
    public static Guid? DefaultOf(IReadOnlyDictionary<Guid, WorkspaceRole> memberships)
    {
        ArgumentNullException.ThrowIfNull(memberships);
        return memberships.Count == 0 ? null : memberships.ContainsKey(WorkspaceDefaults.FirstId) ? WorkspaceDefaults.FirstId : memberships.Keys.Min();
    }

    /// <summary>An instance admin's: the first workspace while it exists, else the first listed.</summary>
    public static Guid? DefaultOf(IReadOnlyList<WorkspaceView> all)
    {
        ArgumentNullException.ThrowIfNull(all);
        return all.Any(w => w.Id == WorkspaceDefaults.FirstId) ? WorkspaceDefaults.FirstId : all.Count > 0 ? all[0].Id : null;
    }
}
