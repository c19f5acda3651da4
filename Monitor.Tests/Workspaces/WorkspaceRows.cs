using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>Workspaces and the profiles they watch, written straight into a test database (names made unique).</summary>
public static class WorkspaceRows
{
    public static async Task<Guid> AddWorkspaceAsync(TestDatabase database, string name, int? monthlyCreditBudget = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        var workspace = new Workspace { Name = $"{name}-{Guid.NewGuid():N}"[..24], MonthlyCreditBudget = monthlyCreditBudget, CreatedAt = DateTime.UtcNow };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    /// <summary>A profile that never ran, watched by exactly <paramref name="workspaces"/>.</summary>
    public static async Task<Guid> AddProfileAsync(TestDatabase database, string name, params Guid[] workspaces)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = $"{name}_{Guid.NewGuid():N}"[..16], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        db.WorkspaceProfiles.AddRange(workspaces.Select(w => new WorkspaceProfile { WorkspaceId = w, ProfileId = profile.Id, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return profile.Id;
    }
}
