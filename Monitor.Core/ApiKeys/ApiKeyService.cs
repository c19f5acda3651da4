using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.ApiKeys;

/// <summary>
/// The keys /api accepts: named keys kept hashed in the database (created and revoked on Settings), plus the one
/// configured through MONITOR_API_KEY or Auth:ApiKey. Every request looks its key up, so a revoked key stops at once on
/// every node.
/// </summary>
public sealed class ApiKeyService(IDbContextFactory<MonitorDbContext> contextFactory, IConfiguration configuration, AuditTrail audit, WorkspaceScopeAccessor workspaces, TimeProvider time)
{
    public const int MaxNameLength = 100;

    /// <summary>Last-used times are written at most this often per key, so a busy key does not write on every call.</summary>
    internal static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    private readonly byte[]? _configuredHash = ConfiguredHash(configuration);

    public bool HasConfiguredKey => _configuredHash is not null;

    public async Task<ApiKeyIdentity?> AuthenticateAsync(string? presented, CancellationToken cancellationToken)
    {
        if (!ApiKeyHasher.IsWellFormed(presented))
        {
            return null;
        }

        var hash = ApiKeyHasher.Hash(presented!);
        if (_configuredHash is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(hash, _configuredHash))
        {
            return ApiKeyIdentity.Configured;
        }

        // The lookup is by hash: what a timing difference could reveal is about the hash, which tells nothing of a key.
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash && k.RevokedAt == null)
            .Select(k => new { k.Id, k.Name, k.LastUsedAt, k.WorkspaceId })
            .SingleOrDefaultAsync(cancellationToken);
        if (key is null)
        {
            return null;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }

        return new ApiKeyIdentity(key.Id, key.Name, key.WorkspaceId);
    }

    public async Task<CreatedApiKey> CreateAsync(string name, string? createdBy, CancellationToken cancellationToken)
    {
        var trimmed = (name ?? string.Empty).Trim();
        if (trimmed.Length is 0 or > MaxNameLength)
        {
            throw new ArgumentException($"A key needs a name of 1 to {MaxNameLength} characters.", nameof(name));
        }

        var plain = ApiKeyHasher.Generate();
        var key = new ApiKey
        {
            Id = Guid.NewGuid(),
            Name = trimmed,
            Hash = ApiKeyHasher.Hash(plain),
            WorkspaceId = workspaces.Effective.TargetWorkspaceId,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            CreatedBy = createdBy,
        };
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ApiKeyCreated, AuditTarget.Key(key.Id, key.Name), AuditChange.Added(new { key.Name }), cancellationToken);
        return new CreatedApiKey(ToView(key), plain);
    }

    public async Task<IReadOnlyList<ApiKeyView>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var keys = await db.ApiKeys.AsNoTracking().ToListAsync(cancellationToken);
        return keys.OrderBy(k => k.RevokedAt is not null).ThenByDescending(k => k.CreatedAt).Select(ToView).ToList();
    }

    /// <returns>False when the key does not exist or was already revoked.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var name = await db.ApiKeys.Where(k => k.Id == id).Select(k => k.Name).SingleOrDefaultAsync(cancellationToken);
        var revoked = await db.ApiKeys.Where(k => k.Id == id && k.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
        if (revoked > 0)
        {
            await audit.RecordAsync(AuditActions.ApiKeyRevoked, AuditTarget.Key(id, name), AuditChange.Between(new { Revoked = false }, new { Revoked = true }), cancellationToken);
        }

        return revoked > 0;
    }

    private static ApiKeyView ToView(ApiKey k) => new(k.Id, k.Name, k.CreatedAt, k.CreatedBy, k.LastUsedAt, k.RevokedAt);

    /// <summary>An operator's value may carry a stray newline from a file or a shell: it is trimmed; clients' keys are not.</summary>
    private static byte[]? ConfiguredHash(IConfiguration configuration)
    {
        var configured = (configuration["MONITOR_API_KEY"] ?? configuration["Auth:ApiKey"])?.Trim();
        return string.IsNullOrEmpty(configured) ? null : ApiKeyHasher.Hash(configured);
    }
}
