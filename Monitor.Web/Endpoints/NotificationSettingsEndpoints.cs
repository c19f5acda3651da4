using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Notifications;
using Monitor.Web.Workspaces;

namespace Monitor.Web.Endpoints;

internal static class NotificationSettingsEndpoints
{
    public static IEndpointRouteBuilder MapNotificationSettingsEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/settings", GetAsync).WithSummary("Global notification settings: failures before an alert, growth and breakout thresholds");
        group.MapPut("/settings", SaveAsync).RequireInstanceAdmin().WithSummary("Change the global notification settings; fields left out keep their value")
            .ProducesValidationProblem();
        group.MapGet("/profiles/{id:guid}/thresholds", GetProfileAsync).WithSummary("A profile's own growth and breakout thresholds, and those in force")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/profiles/{id:guid}/thresholds", SetProfileAsync).WithSummary("Set a profile's own thresholds; null or left out = the global setting")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
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

    private static async Task<Results<Ok<ProfileThresholds>, ProblemHttpResult>> GetProfileAsync(
        Guid id, ProfileThresholdService thresholds, CancellationToken cancellationToken) =>
        await thresholds.GetAsync(id, cancellationToken) is { } found ? TypedResults.Ok(found) : ProfileNotFound(id);

    private static async Task<Results<Ok<ProfileThresholds>, ValidationProblem, ProblemHttpResult>> SetProfileAsync(
        Guid id, ProfileThresholdsInput? body, ProfileThresholdService thresholds, CancellationToken cancellationToken)
    {
        var result = await thresholds.SetAsync(id, body ?? new ProfileThresholdsInput(null, null, null), cancellationToken);
        return result switch
        {
            null => ProfileNotFound(id),
            { Thresholds: { } saved } => TypedResults.Ok(saved),
            { Errors: var errors } => TypedResults.ValidationProblem(errors),
        };
    }

    private static ProblemHttpResult ProfileNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Profile not found", detail: $"No profile with id {id}.");
}
