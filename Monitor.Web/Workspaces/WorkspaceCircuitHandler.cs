using Microsoft.AspNetCore.Components.Server.Circuits;
using Monitor.Core.Workspaces;

namespace Monitor.Web.Workspaces;

/// <summary>
/// Fills the circuit's <see cref="WorkspaceScope"/> when the circuit opens (before its components first render), in the
/// workspace the browser's cookie names, and makes it the ambient scope of every inbound activity (renders, events,
/// dialogs), so each database context the circuit's work creates sees only that workspace's rows.
/// </summary>
internal sealed class WorkspaceCircuitHandler(CircuitWorkspace workspace, WorkspaceScopeAccessor ambient, IHttpContextAccessor http) : CircuitHandler
{
    // Before the other handlers: their inbound work (the audit actor's) may already read the database.
    public override int Order => -100;

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var requested = Guid.TryParse(http.HttpContext?.Request.Cookies[WorkspaceScopeMiddleware.CookieName], out var id) ? id : (Guid?)null;
        try
        {
            await workspace.LoadAsync(requested, cancellationToken);
        }
        catch
        {
            // Never leave a circuit unrestricted because its memberships could not be read: it sees nothing instead.
            if (!workspace.IsInstanceAdmin)
            {
                workspace.Scope.Restrict(new Dictionary<Guid, WorkspaceRole>(), null);
            }

            throw;
        }
    }

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            ambient.Current = workspace.Scope;
            await next(context);
        };
}
