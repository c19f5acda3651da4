using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Catalog;
using Monitor.Core.Posts;

namespace Monitor.Web.Endpoints;

internal static class PostEndpoints
{
    public static RouteGroupBuilder MapPostEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/posts").WithTags("Posts");
        group.MapPost("/bulk", BulkUpsertAsync).WithSummary("Upsert up to 5,000 posts of a profile, recording a snapshot of each")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{postId:long}/metrics-history", MetricsHistoryAsync).WithSummary("Every snapshot of one post, oldest first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<MetricsSnapshotDto>>, ProblemHttpResult>> MetricsHistoryAsync(
        long postId, PostQueries posts, CancellationToken cancellationToken) =>
        await posts.HistoryAsync(postId, cancellationToken) is { } history
            ? TypedResults.Ok(history)
            : ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Post not found", $"No post has id {postId}.");

    private static async Task<Results<Ok<BulkUpsertResult>, ValidationProblem, ProblemHttpResult>> BulkUpsertAsync(
        BulkPostsRequest? request, BulkPostService bulk, CancellationToken cancellationToken)
    {
        var errors = BulkPostsValidator.Validate(request);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var profileId = request!.ProfileId!.Value;
        var result = await bulk.UpsertAsync(profileId, [.. request.Posts!.Select(p => p!)], cancellationToken);
        return result is null ? ProfileEndpoints.ProfileNotFound(profileId) : TypedResults.Ok(result);
    }
}
