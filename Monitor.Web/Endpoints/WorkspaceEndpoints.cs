using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Workspaces;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Workspaces and their members. Every caller lists the workspaces it sees; instance admins (and the configured key)
/// create, rename and delete; a workspace's admins manage its members and budget. A workspace the caller cannot see
/// answers 404, as if it did not exist.
/// </summary>
internal static class WorkspaceEndpoints
{
    public static RouteGroupBuilder MapWorkspaceEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/workspaces").WithTags("Workspaces");
        group.MapGet("/", ListAsync).WithSummary("The workspaces the caller sees, with its role in each, profile and member counts");
        group.MapPost("/", CreateAsync).WithSummary("Create a workspace (instance admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id:guid}", UpdateAsync)
            .WithSummary("Rename a workspace (instance admin) or set its monthly credit budget (workspace admin); fields left out keep their value")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync)
            .WithSummary("Delete a workspace with its groups, channels, keys, reports and share links (instance admin; not the first, not while it alone watches a profile)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/{id:guid}/members", MembersAsync).WithSummary("The workspace's members and their roles")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/members/{userId}", SetMemberAsync).WithSummary("Add a user to the workspace or change their role (workspace admin)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}/members/{userId}", RemoveMemberAsync).WithSummary("Remove a user from the workspace (workspace admin)")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<WorkspaceView>>> ListAsync(WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken) =>
        TypedResults.Ok(await workspaces.ListAsync(scope, cancellationToken));

    private static async Task<Results<Created<WorkspaceView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        WorkspaceRequest? body, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        var result = await workspaces.CreateAsync(scope, new WorkspaceInput(body?.Name, body?.MonthlyCreditBudget), cancellationToken);
        return Answer(result, w => TypedResults.Created($"/api/tiktok/workspaces/{w.Id}", w));
    }

    private static async Task<Results<Ok<WorkspaceView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, WorkspaceRequest? body, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        var input = new WorkspaceInput(body?.Name, body?.MonthlyCreditBudget, body?.RemoveBudget == true);
        return Answer(await workspaces.UpdateAsync(scope, id, input, cancellationToken), TypedResults.Ok);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        Guid id, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken) =>
        Answer(await workspaces.DeleteAsync(scope, id, cancellationToken), _ => TypedResults.NoContent());

    private static async Task<Results<Ok<IReadOnlyList<WorkspaceMemberView>>, ValidationProblem, ProblemHttpResult>> MembersAsync(
        Guid id, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken) =>
        Answer(await workspaces.MembersAsync(scope, id, cancellationToken), TypedResults.Ok);

    private static async Task<Results<Ok<WorkspaceMemberView>, ValidationProblem, ProblemHttpResult>> SetMemberAsync(
        Guid id, string userId, WorkspaceMemberRequest? body, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<WorkspaceRole>(body?.Role, ignoreCase: true, out var role) || !Enum.IsDefined(role) || int.TryParse(body?.Role, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["role"] = ["role is viewer, editor or admin."] });
        }

        return Answer(await workspaces.SetMemberAsync(scope, id, userId, role, cancellationToken), TypedResults.Ok);
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMemberAsync(
        Guid id, string userId, WorkspaceService workspaces, WorkspaceScope scope, CancellationToken cancellationToken) =>
        Answer(await workspaces.RemoveMemberAsync(scope, id, userId, cancellationToken), _ => TypedResults.NoContent());

    private static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<T, TOk>(WorkspaceResult<T> result, Func<T, TOk> ok)
        where TOk : IResult => result.Problem switch
        {
            WorkspaceProblem.None => ok(result.Value!),
            WorkspaceProblem.InvalidField => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [result.Message!] }),
            WorkspaceProblem.NotFound => ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Not found", result.Message),
            WorkspaceProblem.Forbidden => ProfileEndpoints.Problem(StatusCodes.Status403Forbidden, "Forbidden", result.Message),
            _ => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Conflict", result.Message),
        };
}
