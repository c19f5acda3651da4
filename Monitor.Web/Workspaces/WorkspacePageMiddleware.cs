namespace Monitor.Web.Workspaces;

/// <summary>
/// The pages' HTTP requests (a page's first render, CSV, media, report downloads) work in the one workspace the circuit
/// will: <see cref="WorkspaceScopeMiddleware"/> (before this) filled the request's scope with the user's memberships and
/// the cookie's workspace; this narrows it to that workspace. The API keeps every membership (a client names the workspace
/// per call); the hub's circuits fill their own scope in their handler.
/// </summary>
internal sealed class WorkspacePageMiddleware(RequestDelegate next)
{
    // The dashboard's own files: no data behind them, so no membership to read for each.
    private static readonly string[] StaticExtensions = [".css", ".js", ".mjs", ".map", ".png", ".ico", ".svg", ".woff", ".woff2", ".json", ".wasm"];

    public Task InvokeAsync(HttpContext context, CircuitWorkspace workspace)
    {
        if (IsPageRequest(context))
        {
            workspace.AdoptRequestScope(context.User);
        }

        return next(context);
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
}
