using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

/// <summary>A named set of profiles compared side by side (a Rival IQ "landscape"); a profile can be in several.</summary>
public sealed class ProfileGroup
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The workspace that owns it; the first one unless the creating service says otherwise.</summary>
    public Guid WorkspaceId { get; set; } = WorkspaceDefaults.FirstId;

    public required string Name { get; set; }

    /// <summary><see cref="Name"/> upper-cased: unique, so "Rivals" and "rivals" cannot both exist on either database.</summary>
    public required string NormalizedName { get; set; }

    public string? Description { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<ProfileGroupMember> Members { get; } = [];
}
