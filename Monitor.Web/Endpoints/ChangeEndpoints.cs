using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Common;
using Monitor.Web.Security;
using static Monitor.Web.Endpoints.ProfileEndpoints;

namespace Monitor.Web.Endpoints;

/// <summary>A profile's change feed and its users' notes. Every API key may add and delete notes, as it may change profiles.</summary>
internal static class ChangeEndpoints
{
    public static IEndpointRouteBuilder MapChangeEndpoints(this IEndpointRouteBuilder api)
    {
        var profile = api.MapGroup("/tiktok/profiles/{id:guid}").WithTags("Changes");
        profile.MapGet("/changes", ListAsync)
            .WithSummary("What changed, newest first: caption edits, posts no longer seen / seen again, pins, handle/nickname/bio/avatar, account state, breakouts, follower milestones crossed, failed and suspect runs, notes")
            .WithDescription($"from / to: {ChangeDates.Rule} (a day as to includes that day). kind: a comma-separated list of {string.Join(", ", ChangeKinds.All)}. A note's day is in dayTimeZone.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapPost("/annotations", AddAsync)
            .WithSummary($"Add a dated note (\"paid boost\", \"campaign start\"): date is {ChangeDates.Rule}; text is 1–{ChangeLimits.AnnotationTextLength} characters")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapDelete("/annotations/{annotationId:long}", DeleteAsync).WithSummary("Delete a note")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedResult<ChangeEntry>>, ValidationProblem, ProblemHttpResult>> ListAsync(
        Guid id, ChangeFeedService feed, ReportingTimeZone zone, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? kind = null, int page = 1, int pageSize = ChangeLimits.DefaultPageSize)
    {
        var query = new ChangeFeedQuery(from, to, kind, page, pageSize);
        if (query.Problems(zone) is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await feed.ListAsync(id, query, cancellationToken) is { } result ? TypedResults.Ok(result) : ProfileNotFound(id);
    }

    private static async Task<Results<Created<ChangeEntry>, ValidationProblem, ProblemHttpResult>> AddAsync(
        Guid id, AnnotationInput? body, AnnotationService annotations, HttpContext context, CancellationToken cancellationToken)
    {
        var author = "API key " + (context.GetApiKey()?.Name ?? "unknown");
        var result = await annotations.AddAsync(id, body ?? new AnnotationInput(null, null), author, cancellationToken);
        if (result.Annotation is { } added)
        {
            return TypedResults.Created($"/api/tiktok/profiles/{id}/annotations/{added.AnnotationId}", added);
        }

        return result.ProfileFound ? TypedResults.ValidationProblem(result.Errors) : ProfileNotFound(id);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        Guid id, long annotationId, AnnotationService annotations, CancellationToken cancellationToken) =>
        await annotations.DeleteAsync(id, annotationId, cancellationToken)
            ? TypedResults.NoContent()
            : Problem(StatusCodes.Status404NotFound, "Note not found", $"Profile {id} has no note {annotationId}.");
}
