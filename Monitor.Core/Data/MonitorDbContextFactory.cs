using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Monitor.Core.Data;

/// <summary>
/// Hands out the provider's derived context as the neutral <see cref="MonitorDbContext"/>, restricted to the workspaces
/// of the code running now (the request's or circuit's scope) when there is one. An unrestricted context (the runs,
/// the queue, the ledger, every background service) comes from a pool: setting up a context's services cost about
/// 7 % of a run page's CPU, paid several times a run. A restricted one is made new, since its model (with the
/// workspace filters) is chosen at its first query and a pooled context keeps the model it was first given.
/// </summary>
internal sealed class MonitorDbContextFactory<TContext>(IDbContextFactory<TContext> inner, DbContextOptions<TContext> options, IEnumerable<IContextScopeSource> scopes)
    : IDbContextFactory<MonitorDbContext>
    where TContext : MonitorDbContext
{
    /// <summary>Contexts kept for reuse; more in use at once are made and disposed as usual.</summary>
    internal const int PoolSize = 64;

    private readonly IContextScopeSource[] _scopes = scopes.ToArray();
    private readonly PooledDbContextFactory<TContext> _pool = new(options, PoolSize);

    public MonitorDbContext CreateDbContext()
    {
        IReadOnlyCollection<Guid>? restriction = null;
        foreach (var scope in _scopes)
        {
            restriction = scope.CurrentRestriction ?? restriction;
        }

        if (restriction is null)
        {
            var pooled = _pool.CreateDbContext();
            pooled.MarkPooled();
            return pooled;
        }

        return CreateRestricted(restriction);
    }

    /// <summary>A new context that sees only the rows of <paramref name="workspaceIds"/> (never pooled).</summary>
    internal MonitorDbContext CreateRestricted(IEnumerable<Guid> workspaceIds)
    {
        var db = inner.CreateDbContext();
        db.RestrictTo(workspaceIds);
        return db;
    }
}
