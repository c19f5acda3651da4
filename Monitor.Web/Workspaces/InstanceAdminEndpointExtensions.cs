using Monitor.Core.Workspaces;

namespace Monitor.Web.Workspaces;

/// <summary>
/// Routes over what is not per workspace (the instance's audit log, global notification settings, the instance
/// budget): for instance admins and the configured key only; a workspace's key gets 403 naming why.
/// </summary>
public static class InstanceAdminEndpointExtensions
{
    public static RouteHandlerBuilder RequireInstanceAdmin(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var scope = context.HttpContext.RequestServices.GetRequiredService<WorkspaceScope>();
            return scope.IsUnrestricted
                ? await next(context)
                : TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Instance admin only",
                    detail: "This concerns the whole instance, not one workspace: use the configured key or an instance admin's session.");
        }).ProducesProblem(StatusCodes.Status403Forbidden);
}
