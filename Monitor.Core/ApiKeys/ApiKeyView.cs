namespace Monitor.Core.ApiKeys;

/// <summary>What the Settings page shows of a key: never the key, nor its hash.</summary>
public sealed record ApiKeyView(Guid Id, string Name, DateTime CreatedAt, string? CreatedBy, DateTime? LastUsedAt, DateTime? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}
