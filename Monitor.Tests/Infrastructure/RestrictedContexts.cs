using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Tests.Infrastructure;

/// <summary>Contexts restricted to some workspaces, made by the app's own factory as it makes them for a member's request.</summary>
internal static class RestrictedContexts
{
    public static MonitorDbContext Create(IDbContextFactory<MonitorDbContext> factory, IReadOnlyCollection<Guid> workspaceIds) => factory switch
    {
        MonitorDbContextFactory<PostgresMonitorDbContext> postgres => postgres.CreateRestricted(workspaceIds),
        MonitorDbContextFactory<SqliteMonitorDbContext> sqlite => sqlite.CreateRestricted(workspaceIds),
        _ => throw new InvalidOperationException($"Not the app's context factory: {factory.GetType().Name}."),
    };

    /// <summary>A factory whose every context is restricted to <paramref name="workspaceIds"/>.</summary>
    public static IDbContextFactory<MonitorDbContext> Factory(IDbContextFactory<MonitorDbContext> inner, IReadOnlyCollection<Guid> workspaceIds) =>
        new RestrictedFactory(inner, workspaceIds);

    private sealed class RestrictedFactory(IDbContextFactory<MonitorDbContext> inner, IReadOnlyCollection<Guid> workspaceIds) : IDbContextFactory<MonitorDbContext>
    {
        public MonitorDbContext CreateDbContext() => Create(inner, workspaceIds);
    }
}
