using Monitor.Core.Workspaces;

namespace Monitor.Core.ApiKeys;

/// <summary>A named key for /api. Only the SHA-256 of the key is kept: the plain key is shown once, when created.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; }

    /// <summary>The workspace that owns it; the first one unless the creating service says otherwise.</summary>
    public Guid WorkspaceId { get; set; } = WorkspaceDefaults.FirstId;
    public required string Name { get; set; }
    public required byte[] Hash { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }
}
