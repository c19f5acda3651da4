using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Audit;
using Monitor.Core.Data;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Share;

/// <summary>
/// Share links for the dialog, the Settings list, the API and the shared page alike. Every query goes through
/// <see cref="Links"/>: the one place a workspace scope will filter. Creation and revocation are audited with the actor.
/// </summary>
public sealed class ShareLinkService(IDbContextFactory<MonitorDbContext> contextFactory, AuditTrail audit, WorkspaceScopeAccessor workspaces, TimeProvider time)
{
    private static readonly PasswordHasher<ShareLink> Hasher = new();

    public async Task<ShareLinkResult> CreateAsync(ShareLinkInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!ShareTargets.TryParse(input.TargetKind, out var kind))
        {
            return ShareLinkResult.Invalid("targetKind", "targetKind is profile, group or report.");
        }

        if (input.TargetId is not { } targetId || targetId == Guid.Empty)
        {
            return ShareLinkResult.Invalid("targetId", "targetId is the id of the profile, group or sent report to share.");
        }

        var days = input.ExpiresInDays ?? ShareLinkLimits.DefaultDays;
        if (days is < 1 or > ShareLinkLimits.MaxDays)
        {
            return ShareLinkResult.Invalid("expiresInDays", $"expiresInDays is 1 to {ShareLinkLimits.MaxDays} (default {ShareLinkLimits.DefaultDays}).");
        }

        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (password is { Length: < ShareLinkLimits.MinPasswordLength or > ShareLinkLimits.MaxPasswordLength })
        {
            return ShareLinkResult.Invalid("password",
                $"A password has {ShareLinkLimits.MinPasswordLength} to {ShareLinkLimits.MaxPasswordLength} characters (leave it out for none).");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var label = await ShareTargets.LabelAsync(db, kind, targetId, now, cancellationToken);
        if (label is null)
        {
            return ShareLinkResult.Invalid("targetId", $"No {kind.ToString().ToLowerInvariant()} has id {targetId}" + (kind == ShareTargetKind.Report ? " (or it expired)." : "."));
        }

        var token = ShareToken.Generate();
        var link = new ShareLink
        {
            TokenHash = ShareToken.Hash(token),
            TargetKind = kind,
            TargetId = targetId,
            WorkspaceId = workspaces.Effective.TargetWorkspaceId,
            TargetLabel = label.Length > ShareLinkLimits.MaxLabelLength ? label[..ShareLinkLimits.MaxLabelLength] : label,
            ExpiresAt = now.AddDays(days),
            CreatedAt = now,
            CreatedBy = audit.CurrentActor.Name,
        };
        link.PasswordHash = password is null ? null : Hasher.HashPassword(link, password);
        db.Add(link);
        await db.SaveChangesAsync(cancellationToken);
        await audit.RecordAsync(AuditActions.ShareLinkCreated, Target(link.Id, link.TargetLabel),
            AuditChange.Added(new { Target = $"{link.TargetKind.ToString().ToLowerInvariant()} {link.TargetLabel}", link.ExpiresAt, Protected = password is not null }),
            cancellationToken);
        return new ShareLinkResult(new CreatedShareLink(ToView(link, now), token), null);
    }

    /// <summary>Links, active first, newest first; optionally only those of one target.</summary>
    public async Task<IReadOnlyList<ShareLinkView>> ListAsync(ShareTargetKind? kind, Guid? targetId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var query = Links(db).AsNoTracking();
        if (kind is { } k)
        {
            query = query.Where(l => l.TargetKind == k);
        }

        if (targetId is { } id)
        {
            query = query.Where(l => l.TargetId == id);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var links = await query.OrderByDescending(l => l.CreatedAt).ToListAsync(cancellationToken);
        return [.. links.Select(l => ToView(l, now)).OrderBy(v => v.State != "active")];
    }

    /// <returns>False when the link does not exist or was already revoked.</returns>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var actor = audit.CurrentActor.Name;
        var label = await Links(db).Where(l => l.Id == id).Select(l => l.TargetLabel).SingleOrDefaultAsync(cancellationToken);
        var revoked = await Links(db).Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now).SetProperty(l => l.RevokedBy, actor), cancellationToken);
        if (revoked > 0)
        {
            await audit.RecordAsync(AuditActions.ShareLinkRevoked, Target(id, label), AuditChange.Between(new { Revoked = false }, new { Revoked = true }), cancellationToken);
        }

        return revoked > 0;
    }

    /// <returns>The link, or null when the token is malformed or unknown, or the link expired or was revoked: callers answer all alike.</returns>
    public async Task<OpenedShareLink?> OpenAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareToken.IsWellFormed(token))
        {
            return null;
        }

        var hash = ShareToken.Hash(token!);
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var link = await Links(db).AsNoTracking()
            .Where(l => l.TokenHash == hash && l.RevokedAt == null && l.ExpiresAt > now)
            .Select(l => new { l.Id, l.TargetKind, l.TargetId, l.TargetLabel, l.ExpiresAt, l.PasswordHash })
            .SingleOrDefaultAsync(cancellationToken);
        return link is null ? null : new OpenedShareLink(link.Id, link.TargetKind, link.TargetId, link.TargetLabel, link.ExpiresAt, link.PasswordHash);
    }

    public static bool CheckPassword(OpenedShareLink link, string? password)
    {
        ArgumentNullException.ThrowIfNull(link);
        if (link.PasswordHash is null)
        {
            return true;
        }

        return password is { Length: > 0 and <= ShareLinkLimits.MaxPasswordLength }
            && Hasher.VerifyHashedPassword(null!, link.PasswordHash, password) != PasswordVerificationResult.Failed;
    }

    /// <summary>One view of the shared page or download: counted, and its time kept for the list.</summary>
    public async Task RecordUseAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        await Links(db).Where(l => l.Id == id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.LastUsedAt, now).SetProperty(l => l.UseCount, l => l.UseCount + 1), cancellationToken);
    }

    private static IQueryable<ShareLink> Links(MonitorDbContext db) => db.Set<ShareLink>().AsQueryable();

    private static AuditTarget Target(Guid id, string? label) => new("shareLink", id.ToString(), label);

    private static ShareLinkView ToView(ShareLink l, DateTime now) => new(l.Id, l.TargetKind.ToString().ToLowerInvariant(), l.TargetId, l.TargetLabel,
        l.PasswordHash is not null, l.ExpiresAt, l.CreatedAt, l.CreatedBy, l.RevokedAt, l.RevokedBy, l.LastUsedAt, l.UseCount,
        l.RevokedAt is not null ? "revoked" : l.ExpiresAt <= now ? "expired" : "active");
}
