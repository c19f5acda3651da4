using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Notifications;
using Monitor.Core.Workspaces;
using Monitor.Web.Workspaces;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Alert rules: the instance's defaults (instance admins change them), the current workspace's own rules over them, and
/// that workspace's thresholds for one profile it watches (both changed by its editors and admins).
/// </summary>
internal static class NotificationSettingsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/settings", GetAsync).WithSummary("The instance's default alert rules, which a workspace follows where it has no rule of its own");
        group.MapPut("/settings", SaveAsync).RequireInstanceAdmin().WithSummary("Change the instance's default alert rules; fields left out keep their value")
            .ProducesValidationProblem();
        group.MapGet("/rules", GetRulesAsync).WithSummary("The current workspace's own alert rules (null = the instance's default) and those in force")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/rules", SetRulesAsync).WithSummary("Set the current workspace's alert rules; null or left out = the instance's default")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/profiles/{id:guid}/thresholds", GetProfileAsync)
            .WithSummary("The current workspace's own growth and breakout thresholds for a profile it watches, and those in force")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/profiles/{id:guid}/thresholds", SetProfileAsync)
            .WithSummary("Set the current workspace's thresholds for a profile; null or left out = the workspace's rule")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Ok<NotificationSettings>> GetAsync(NotificationSettingsStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.GetAsync(cancellationToken));

    private static async Task<Results<Ok<NotificationSettings>, ValidationProblem>> SaveAsync(
        NotificationSettingsInput? body, NotificationSettingsStore store, CancellationToken cancellationToken)
    {
        var current = await store.GetAsync(cancellationToken);
        var wanted = new NotificationSettings(
            body?.FailuresBeforeAlert ?? current.FailuresBeforeAlert,
            body?.GrowthPercent ?? current.GrowthPercent,
            body?.GrowthViews ?? current.GrowthViews,
            body?.BreakoutMultiple ?? current.BreakoutMultiple);
        var errors = await store.SaveAsync(wanted, cancellationToken);
        return errors.Count > 0 ? TypedResults.ValidationProblem(errors) : TypedResults.Ok(wanted);
    }

    private static async Task<Results<Ok<WorkspaceAlertRulesView>, ProblemHttpResult>> GetRulesAsync(
        WorkspaceAlertRulesService rules, CancellationToken cancellationToken) =>
        await rules.GetAsync(cancellationToken) is { } found ? TypedResults.Ok(found) : NoWorkspace();

    private static async Task<Results<Ok<WorkspaceAlertRulesView>, ValidationProblem, ProblemHttpResult>> SetRulesAsync(
        WorkspaceAlertRulesInput? body, WorkspaceAlertRulesService rules, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        if (!scope.CanRead(scope.TargetWorkspaceId))
        {
            return NoWorkspace();
        }

        if (!scope.Can(scope.TargetWorkspaceId, WorkspaceRole.Editor))
        {
            return NotAnEditor();
        }

        var result = await rules.SetAsync(body ?? new WorkspaceAlertRulesInput(null, null, null, null), cancellationToken);
        return result switch
        {
            null => NoWorkspace(),
            { Rules: { } saved } => TypedResults.Ok(saved),
            { Errors: var errors } => TypedResults.ValidationProblem(errors),
        };
    }

    private static async Task<Results<Ok<ProfileThresholds>, ProblemHttpResult>> GetProfileAsync(
        Guid id, ProfileThresholdService thresholds, CancellationToken cancellationToken) =>
        await thresholds.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : ProfileNotFound(id);

    private static async Task<Results<Ok<ProfileThresholds>, ValidationProblem, ProblemHttpResult>> SetProfileAsync(
        Guid id, ProfileThresholdsInput? body, ProfileThresholdService thresholds, WorkspaceScope scope, CancellationToken cancellationToken)
    {
        if (await thresholds.GetAsync(id, cancellationToken) is null)
        {
            return ProfileNotFound(id);
        }

        if (!scope.Can(scope.TargetWorkspaceId, WorkspaceRole.Editor))
        {
            return NotAnEditor();
        }

        var result = await thresholds.SetAsync(id, body ?? new ProfileThresholdsInput(null, null, null), cancellationToken);
        return result switch
        {
            null => ProfileNotFound(id),
            { Thresholds: { } saved } => TypedResults.Ok(saved),
            { Errors: var errors } => TypedResults.ValidationProblem(errors),
        };
    }

    private static ProblemHttpResult ProfileNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Profile not found", detail: $"The current workspace watches no profile with id {id}.");

    private static ProblemHttpResult NoWorkspace() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Workspace not found", detail: "You are a member of no workspace.");

    private static ProblemHttpResult NotAnEditor() =>
        TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Editors only",
            detail: "Only an editor or admin of the workspace changes its alert rules and thresholds.");
}
