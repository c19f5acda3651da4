namespace Monitor.Core.Share;

/// <summary>What the list shows of a link: never its token, its hash nor its password.</summary>
public sealed record ShareLinkView(
    Guid Id,
    string TargetKind,
    Guid TargetId,
    string TargetLabel,
    bool PasswordProtected,
    DateTime ExpiresAt,
    DateTime CreatedAt,
    string CreatedBy,
    DateTime? RevokedAt,
    string? RevokedBy,
    DateTime? LastUsedAt,
    long UseCount,
    string State);
