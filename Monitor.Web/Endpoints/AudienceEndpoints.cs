using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Audience;

namespace Monitor.Web.Endpoints;

/// <summary>A profile's account history (followers, following, likes received, videos over time) and its audience summary.</summary>
internal static class AudienceEndpoints
{
    public static RouteGroupBuilder MapAudienceEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/profiles").WithTags("Audience");
        group.MapGet("/{id:guid}/account-history", HistoryAsync)
            .WithSummary("The account's counters as recorded over time, oldest first; optional from/to (UTC)")
            .WithDescription("from (inclusive) and to (exclusive): a date (UTC midnight) or an ISO 8601 time with its offset. "
                + "likesCount is the total likes the account's posts received as TikTok counts them; source is feedAuthor, profileCall or profileAdded.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/audience", SummaryAsync)
            .WithSummary("The latest counters, follower gains over 1/7/30 days and the next milestone with its projected date")
            .WithDescription("A gain over N days is the latest follower count minus the latest one recorded at least N×24 h before it; growthPercent is "
                + "that gain over the earlier count. The milestone date extends a least-squares trend over the last 30 days of counts.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<AccountSnapshotDto>>, ProblemHttpResult>> HistoryAsync(
        Guid id, AccountHistoryQueries history, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (ExportEndpoints.RangeProblem(from, to, out var start, out var end) is { } problem)
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", problem);
        }

        return await history.HistoryAsync(id, start, end, cancellationToken) is { } rows ? TypedResults.Ok(rows) : ProfileEndpoints.ProfileNotFound(id);
    }

    private static async Task<Results<Ok<AudienceSummary>, ProblemHttpResult>> SummaryAsync(
        Guid id, AccountHistoryQueries history, CancellationToken cancellationToken) =>
        await history.SummaryAsync(id, cancellationToken) is { } summary ? TypedResults.Ok(summary) : ProfileEndpoints.ProfileNotFound(id);
}
