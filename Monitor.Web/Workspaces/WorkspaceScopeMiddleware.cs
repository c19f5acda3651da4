using System.Security.Claims;
using Monitor.Core.Accounts;
using Monitor.Core.Workspaces;
using Monitor.Web.Security;

namespace Monitor.Web.Workspaces;

/// <summary>
/// Fills the request's <see cref="WorkspaceScope"/> and makes it the one Core's services read: a named API key acts in
/// its workspace as an editor, the configured key and instance admins see everything, a signed-in user sees the
/// workspaces they are a member of, and an anonymous request sees none (a share page sees what its link was made for). The
/// current workspace comes from the <c>workspace</c> query parameter, the <c>X-Workspace</c> header or the
/// <c>workspace</c> cookie, in that order; the first two must name a workspace of the caller (else 404), a stale cookie
/// is ignored. A signed-in user's page request (a page's first render, CSV, media, report downloads) then works in the one
/// workspace its circuit will (<see cref="CircuitWorkspace.AdoptRequestScopeAsync"/>); the API keeps every membership (a
/// client names the workspace per call), and the hub's circuits fill their own scope in their handler.
/// </summary>
public sealed class WorkspaceScopeMiddleware(RequestDelegate next, WorkspaceService workspaces, WorkspaceScopeAccessor accessor)
{
    public const string HeaderName = "X-Workspace";
    public const string QueryName = "workspace";
    public const string CookieName = "workspace";

    private static readonly IReadOnlyDictionary<Guid, WorkspaceRole> None = new Dictionary<Guid, WorkspaceRole>();

    // The dashboard's own files: no data behind them, so no membership to read for each.
    private static readonly string[] StaticExtensions = [".css", ".js", ".mjs", ".map", ".png", ".ico", ".svg", ".woff", ".woff2", ".json", ".wasm"];

    public async Task InvokeAsync(HttpContext context, WorkspaceScope scope, CircuitWorkspace pageWorkspace)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(scope);
        var (requested, explicitChoice, malformed) = Requested(context);
        if (malformed)
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid workspace",
                detail: $"The {QueryName} parameter or {HeaderName} header is not a workspace id (a GUID).").ExecuteAsync(context);
            return;
        }

        if (!await FillAsync(context, scope, requested, explicitChoice))
        {
            await TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workspace not found",
                detail: $"No workspace of yours has id {requested}.").ExecuteAsync(context);
            return;
        }

        accessor.Current = scope;
        try
        {
            if (IsPageRequest(context))
            {
                await pageWorkspace.AdoptRequestScopeAsync(context.User, context.RequestAborted);
            }

            await next(context);
        }
        finally
        {
            accessor.Current = null;
        }
    }

    private async Task<bool> FillAsync(HttpContext context, WorkspaceScope scope, Guid? requested, bool explicitChoice)
    {
        var ct = context.RequestAborted;
        if (context.GetApiKey() is { } key)
        {
            if (key.WorkspaceId is { } keyWorkspace)
            {
                scope.Restrict(new Dictionary<Guid, WorkspaceRole> { [keyWorkspace] = WorkspaceRole.Editor }, keyWorkspace);
                return !explicitChoice || requested == keyWorkspace;
            }

            return await ChooseUnrestrictedAsync(scope, requested, explicitChoice, ct);
        }

        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // A share page shows exactly its link's target, which was checked against its workspace when made.
            if (!context.Request.Path.StartsWithSegments(Monitor.Core.Share.ShareLinkPaths.Prefix))
            {
                scope.Restrict(None, null);
            }

            return true;
        }

        if (user.IsInRole(MonitorRoles.Admin))
        {
            return await ChooseUnrestrictedAsync(scope, requested, explicitChoice, ct);
        }

        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var roles = userId is null ? None : await workspaces.RolesOfUserAsync(userId, ct);
        if (requested is { } chosen && roles.ContainsKey(chosen))
        {
            scope.Restrict(roles, chosen);
            return true;
        }

        scope.Restrict(roles, WorkspaceChooser.DefaultOf(roles));
        return !explicitChoice;
    }

    private async Task<bool> ChooseUnrestrictedAsync(WorkspaceScope scope, Guid? requested, bool explicitChoice, CancellationToken ct)
    {
        if (requested is not { } chosen)
        {
            return true;
        }

        if ((await workspaces.GetAsync(scope, chosen, ct)).Succeeded)
        {
            scope.SetCurrent(chosen);
            return true;
        }

        return !explicitChoice;
    }

    private static bool IsPageRequest(HttpContext context)
    {
        var path = context.Request.Path;
        return context.User.Identity?.IsAuthenticated == true
            && !path.StartsWithSegments("/api")
            && !path.StartsWithSegments("/_blazor")
            && !path.StartsWithSegments("/_framework")
            && !path.StartsWithSegments("/_content")
            && !StaticExtensions.Contains(Path.GetExtension(path.Value), StringComparer.OrdinalIgnoreCase);
    }

    private static (Guid? Requested, bool Explicit, bool Malformed) Requested(HttpContext context)
    {
        string? text = context.Request.Query[QueryName];
        var isExplicit = true;
        if (string.IsNullOrEmpty(text))
        {
            text = context.Request.Headers[HeaderName];
        }

        if (string.IsNullOrEmpty(text))
        {
            text = context.Request.Cookies[CookieName];
            isExplicit = false;
        }

        if (string.IsNullOrEmpty(text))
        {
            return (null, false, false);
        }

        return Guid.TryParse(text, out var id) ? (id, isExplicit, false) : (null, false, isExplicit);
    }
}
