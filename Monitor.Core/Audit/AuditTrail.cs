using Microsoft.EntityFrameworkCore;
using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Core.Audit;

/// <summary>
/// Writes the audit log. Services record where they make a change, once per change, after it succeeded; the actor comes
/// from <see cref="IAuditActorSource"/> unless the caller names it (a sign-in, where nobody is signed in yet).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<MonitorDbContext> contextFactory, IAuditActorSource actors, TimeProvider time)
{
    public const int MaxNameLength = 256;
    public const int MaxActionLength = 64;
    public const int MaxSourceLength = 64;

    public AuditActor CurrentActor => actors.Current;

    public Task RecordAsync(string action, AuditTarget? target, AuditChange change, CancellationToken cancellationToken) =>
        RecordAsync(actors.Current, action, target, change, cancellationToken);

    public Task RecordAsync(AuditActor actor, string action, AuditTarget? target, AuditChange change, CancellationToken cancellationToken) =>
        RecordManyAsync(actor, action, [(target, change)], cancellationToken);

    /// <summary>One action on many targets (Update Now for a selection): one row each, written together.</summary>
    public Task RecordManyAsync(string action, IEnumerable<(AuditTarget? Target, AuditChange Change)> changes, CancellationToken cancellationToken) =>
        RecordManyAsync(actors.Current, action, changes, cancellationToken);

    /// <summary>The target of a change to a profile, labelled with its handle (read now; null for an unknown profile).</summary>
    public async Task<AuditTarget> ProfileTargetAsync(Guid profileId, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handle = await db.Profiles.Where(p => p.Id == profileId).Select(p => p.Handle).SingleOrDefaultAsync(cancellationToken);
        return AuditTarget.Profile(profileId, handle);
    }

    public async Task<IReadOnlyDictionary<Guid, AuditTarget>> ProfileTargetsAsync(IReadOnlyCollection<Guid> profileIds, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var handles = await db.Profiles.Where(p => profileIds.Contains(p.Id)).Select(p => new { p.Id, p.Handle }).ToListAsync(cancellationToken);
        return handles.ToDictionary(p => p.Id, p => AuditTarget.Profile(p.Id, p.Handle));
    }

    private async Task RecordManyAsync(AuditActor actor, string action, IEnumerable<(AuditTarget? Target, AuditChange Change)> changes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var now = time.GetUtcNow().UtcDateTime;
        var entries = changes.Where(c => !c.Change.Unchanged).Select(c => Entry(actor, action, c.Target, c.Change, now)).ToList();
        if (entries.Count == 0)
        {
            return;
        }

        // The change is already made: an audit write must not be cancelled half-way because the caller went away.
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        db.AuditLog.AddRange(entries);
        await db.SaveChangesAsync(CancellationToken.None);
        _ = cancellationToken;
    }

    private static AuditEntry Entry(AuditActor actor, string action, AuditTarget? target, AuditChange change, DateTime now)
    {
        var entry = new AuditEntry
        {
            OccurredAt = now,
            ActorKind = actor.Kind,
            ActorId = Cut(actor.Id),
            ActorName = Cut(actor.Name) ?? "unknown",
            SourceAddress = Cut(actor.SourceAddress, MaxSourceLength),
            Action = action,
            TargetKind = target?.Kind,
            TargetId = Cut(target?.Id),
            TargetLabel = Cut(target?.Label),
            OldValues = change.OldValues,
            NewValues = change.NewValues,
        };
        return entry;
    }

    /// <summary>
    /// A sign-in attempt, by any scheme (the local form, OIDC): the actor is the user signing in (by name when unknown),
    /// the source the client's address; <paramref name="reason"/> says why a sign-in failed (never the password).
    /// </summary>
    public Task RecordSignInAsync(string? userId, string userName, bool succeeded, string? reason, string? sourceAddress, CancellationToken cancellationToken) =>
        RecordAsync(
            AuditActor.User(userId, string.IsNullOrWhiteSpace(userName) ? "(no name)" : userName, sourceAddress),
            succeeded ? AuditActions.SignInSucceeded : AuditActions.SignInFailed,
            AuditTarget.User(userId, userName),
            reason is null ? AuditChange.None : AuditChange.Added(new { reason }),
            cancellationToken);

    private static string? Cut(string? value, int length = MaxNameLength) => value is null ? null : FieldLimits.Cut(value, length);
}
