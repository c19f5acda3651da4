namespace Monitor.Core.Share;

/// <summary>A link that exists, has not expired and was not revoked, as its page needs it.</summary>
public sealed class OpenedShareLink(Guid id, ShareTargetKind targetKind, Guid targetId, string targetLabel, DateTime expiresAt, string? passwordHash)
{
    public Guid Id { get; } = id;
    public ShareTargetKind TargetKind { get; } = targetKind;
    public Guid TargetId { get; } = targetId;
    public string TargetLabel { get; } = targetLabel;
    public DateTime ExpiresAt { get; } = expiresAt;
    public bool PasswordProtected => PasswordHash is not null;

    /// <summary>Stays in Core: the page asks <see cref="ShareLinkService.CheckPassword"/>.</summary>
    internal string? PasswordHash { get; } = passwordHash;
}
