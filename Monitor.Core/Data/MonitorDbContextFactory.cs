using Microsoft.EntityFrameworkCore;

namespace Monitor.Core.Data;

/// <summary>
/// Hands out the provider's derived context as the neutral <see cref="MonitorDbContext"/>, restricted to the workspaces
/// of the code running now (the request's or circuit's scope) when there is one.
/// </summary>
/// <remarks>
/// An unrestricted context (every run, job and background pass) comes from EF's pool: a new context's internal services
/// were a tenth of the app's CPU a page when the upstream is a separate process. A restricted one is built afresh, never
/// pooled, because its row filters are part of the model it is bound to at its first query.
/// </remarks>
internal sealed class MonitorDbContextFactory<TContext>(
    IDbContextFactory<TContext> pooled, Func<TContext> createRestricted, IEnumerable<IContextScopeSource> scopes)
    : IDbContextFactory<MonitorDbContext>
    where TContext : MonitorDbContext
{
    private readonly IContextScopeSource[] _scopes = scopes.ToArray();

    public MonitorDbContext CreateDbContext()
    {
        IReadOnlyCollection<Guid>? restriction = null;
        foreach (var scope in _scopes)
        {
            restriction = scope.CurrentRestriction ?? restriction;
        }

        if (restriction is null)
        {
            return pooled.CreateDbContext();
        }

        var db = createRestricted();
        db.RestrictTo(restriction);
        return db;
    }
}
