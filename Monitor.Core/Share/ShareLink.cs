using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

/// <summary>
/// A read-only link to one profile, group or sent report. Only the SHA-256 of its token is kept (the URL is shown once,
/// when created); an optional password is kept as an Identity password hash. It stops working at <see cref="ExpiresAt"/>
/// or once revoked, whichever comes first.
/// </summary>
public sealed class ShareLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The workspace that owns it; the first one unless the creating service says otherwise.</summary>
    public Guid WorkspaceId { get; set; } = WorkspaceDefaults.FirstId;
    public required byte[] TokenHash { get; set; }
    public ShareTargetKind TargetKind { get; set; }
    public Guid TargetId { get; set; }

    /// <summary>What the target was called when the link was made ("@handle", a group's name, a report's period), for the list.</summary>
    public required string TargetLabel { get; set; }

    public string? PasswordHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? RevokedBy { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public long UseCount { get; set; }
}
