using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Catalog;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Web.Endpoints;

internal static class ProfileEndpoints
{
    public static RouteGroupBuilder MapProfileEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/profiles").WithTags("Profiles");
        group.MapPost("/", AddAsync).WithSummary("Add a profile by handle, @handle or profile URL")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/", ListAsync).WithSummary("Profiles, paged, each with the status of its latest run");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One profile").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a profile with its posts, history and logs")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/posts", ListPostsAsync)
            .WithSummary("A profile's posts, paged; with includeHistory, the 30 newest snapshots of each")
            .WithDescription("Filters (each optional): pinned, ad, paidPartnership, shop, originalSound = true|false; hashtag = one tag (# optional); sound = a sound id.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/metrics-history", MetricsHistoryAsync).WithSummary("The profile's totals after each completed run, oldest first")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Created<ProfileDto>, ProblemHttpResult>> AddAsync(
        AddProfileRequest? request, ProfileService profiles, CancellationToken cancellationToken)
    {
        var result = await profiles.AddAsync(request?.Handle, request?.MonitoringEnabled ?? true, request?.IntervalHours, cancellationToken);
        return result.Status switch
        {
            AddProfileStatus.Created => TypedResults.Created($"/api/tiktok/profiles/{result.Profile!.Id}", result.Profile),
            AddProfileStatus.InvalidHandle => Problem(StatusCodes.Status400BadRequest, "Invalid handle", result.Message),
            AddProfileStatus.InvalidInterval => Problem(StatusCodes.Status400BadRequest, "Invalid interval", result.Message),
            AddProfileStatus.AlreadyTracked => Problem(StatusCodes.Status409Conflict, "Already tracked", result.Message,
                new() { ["existingId"] = result.ExistingId }),
            AddProfileStatus.AccountNotFound => Problem(StatusCodes.Status404NotFound, "Account not found", result.Message),
            AddProfileStatus.AccountPrivate => Problem(StatusCodes.Status422UnprocessableEntity, "Private account", result.Message),
            _ => Problem(StatusCodes.Status502BadGateway, "Upstream failed", result.Message),
        };
    }

    private static async Task<Results<Ok<PagedResult<ProfileListItem>>, ValidationProblem>> ListAsync(
        ProfileService profiles, CancellationToken cancellationToken,
        string? search = null, string? sortBy = null, bool descending = false, int page = 1, int pageSize = 50)
    {
        var query = new ProfileListQuery(search, sortBy, descending, page, pageSize);
        return query.Problems() is { Count: > 0 } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(await profiles.ListAsync(query, cancellationToken));
    }

    private static async Task<Results<Ok<ProfileDto>, ProblemHttpResult>> GetAsync(
        Guid id, ProfileService profiles, Monitor.Core.Insights.Engagement.EngagementQuery engagement, CancellationToken cancellationToken) =>
        await profiles.GetAsync(id, cancellationToken) is { } profile
            ? TypedResults.Ok(profile with { EngagementLast30Posts = await engagement.ForProfileAsync(id, Monitor.Core.Insights.Engagement.EngagementWindow.Last30, cancellationToken) })
            : ProfileNotFound(id);

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ProfileService profiles, CancellationToken cancellationToken) =>
        await profiles.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ProfileNotFound(id);

    /// <summary>
    /// The count and rows are read before the first byte (an unknown profile is still a 404); the items and their history
    /// are then written as they are read, in chunks, so a page of 1,000 posts with 30 snapshots each is never held whole.
    /// </summary>
    private static async Task<Results<Ok<PostPage>, ValidationProblem, ProblemHttpResult>> ListPostsAsync(
        Guid id, PostQueries posts, HttpContext context, CancellationToken cancellationToken,
        bool includeHistory = false, int page = 1, int pageSize = PostListQuery.DefaultPageSize, string? sortBy = null, bool descending = true,
        string? pinned = null, string? ad = null, string? paidPartnership = null, string? shop = null, string? originalSound = null,
        string? hashtag = null, string? sound = null)
    {
        var (filter, filterProblems) = PostFilterParser.Parse(pinned, ad, paidPartnership, shop, originalSound, hashtag, sound);
        var query = new PostListQuery(page, pageSize, includeHistory ? PostListQuery.MaxHistoryDepth : 0, sortBy, descending, filter);
        if (query.Problems().Concat(filterProblems).ToDictionary() is { Count: > 0 } problems)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var result = await posts.OpenAsync(id, query, cancellationToken);
        if (result is null)
        {
            return ProfileNotFound(id);
        }

        context.Response.RegisterForDisposeAsync(result);
        return TypedResults.Ok(result);
    }

    /// <param name="days">Only the last N days, 1 to <see cref="ProfileHistoryQueries.MaxDays"/> (all when omitted).</param>
    private static async Task<Results<Ok<IReadOnlyList<ProfileTotalsSnapshot>>, ProblemHttpResult>> MetricsHistoryAsync(
        Guid id, ProfileHistoryQueries history, TimeProvider time, CancellationToken cancellationToken, int? days = null)
    {
        if (days is < 1 or > ProfileHistoryQueries.MaxDays)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid range",
                $"days is 1–{ProfileHistoryQueries.MaxDays} (omit it for the whole history).");
        }

        DateTime? since = days is { } d ? time.GetUtcNow().UtcDateTime.AddDays(-d) : null;
        return await history.TotalsSinceAsync(id, since, cancellationToken) is { } points ? TypedResults.Ok(points) : ProfileNotFound(id);
    }

    internal static ProblemHttpResult ProfileNotFound(Guid id) =>
        Problem(StatusCodes.Status404NotFound, "Profile not found", $"No profile has id {id}.");

    internal static ProblemHttpResult Problem(int status, string title, string? detail, Dictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(statusCode: status, title: title, detail: detail, extensions: extensions);
}
