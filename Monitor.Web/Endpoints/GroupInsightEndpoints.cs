using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Groups;
using Monitor.Core.Insights;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Leaderboards;
namespace Monitor.Web.Endpoints;

/// <summary>
/// A group's best time to post and hashtag and sound leaderboards: the same parameters, validation and answers as a
/// profile's (<see cref="InsightEndpoints"/>), over the union of the members' posts.
/// </summary>
internal static class GroupInsightEndpoints
{
    public static RouteGroupBuilder MapGroupInsightEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/groups/{id:guid}").WithTags("Groups");
        group.MapGet("/best-time", BestTimeAsync)
            .WithSummary("The group's weekday × hour heatmap of median views 24 h after posting, by local posting time, over all its members' posts")
            .WithDescription("timeZone = an IANA id (default Monitoring:TimeZone); excludeAds = true leaves out ads and paid partnerships; optional from/to on posting time.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/hashtags", HashtagsAsync)
            .WithSummary("The group's hashtag leaderboard over all its members' posts: posts, median views, median engagement rate and best post per tag, optional from/to on posting time")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/sounds", SoundsAsync)
            .WithSummary("The group's sound leaderboards over all its members' posts, original sounds apart from borrowed ones, optional from/to on posting time")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Results<Ok<BestTimeHeatmap>, ValidationProblem, ProblemHttpResult>> BestTimeAsync(
        Guid id, GroupInsights insights, ReportingTimeZone reportingZone, CancellationToken cancellationToken,
        string? timeZone = null, string? excludeAds = null, string? from = null, string? to = null)
    {
        var problems = new Dictionary<string, string[]>();
        var zone = InsightParameterParser.TimeZone(timeZone, reportingZone.Zone, problems);
        var withoutAds = InsightParameterParser.Flag(nameof(excludeAds), excludeAds, problems);
        var period = InsightParameterParser.Period(from, to, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await insights.BestTimeAsync(id, period, zone, withoutAds, cancellationToken) is { } result ? TypedResults.Ok(result) : GroupNotFound(id);
    }

    /// <param name="sortBy">posts (default), medianViews, medianEngagementRate, bestPostViews or key.</param>
    private static async Task<Results<Ok<Leaderboard>, ValidationProblem, ProblemHttpResult>> HashtagsAsync(
        Guid id, GroupInsights insights, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? sortBy = null, string? descending = null)
    {
        var problems = new Dictionary<string, string[]>();
        var period = InsightParameterParser.Period(from, to, problems);
        var sort = InsightParameterParser.SortBy(sortBy, problems);
        var down = descending is null || InsightParameterParser.Flag(nameof(descending), descending, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await insights.HashtagsAsync(id, period, cancellationToken) is { } board
            ? TypedResults.Ok(board with { Rows = LeaderboardSort.Apply(board.Rows, sort, down) })
            : GroupNotFound(id);
    }

    /// <param name="sortBy">posts (default), medianViews, medianEngagementRate, bestPostViews or key.</param>
    private static async Task<Results<Ok<SoundLeaderboards>, ValidationProblem, ProblemHttpResult>> SoundsAsync(
        Guid id, GroupInsights insights, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? sortBy = null, string? descending = null)
    {
        var problems = new Dictionary<string, string[]>();
        var period = InsightParameterParser.Period(from, to, problems);
        var sort = InsightParameterParser.SortBy(sortBy, problems);
        var down = descending is null || InsightParameterParser.Flag(nameof(descending), descending, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await insights.SoundsAsync(id, period, cancellationToken) is { } sounds
            ? TypedResults.Ok(sounds with { Original = LeaderboardSort.Apply(sounds.Original, sort, down), Borrowed = LeaderboardSort.Apply(sounds.Borrowed, sort, down) })
            : GroupNotFound(id);
    }

    private static ProblemHttpResult GroupNotFound(Guid id) =>
        ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Group not found", $"No group has id {id}.");
}
