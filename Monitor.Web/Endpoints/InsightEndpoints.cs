using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Insights;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Insights.Leaderboards;
using Monitor.Core.Insights.SameAge;
namespace Monitor.Web.Endpoints;

/// <summary>A profile's insights: engagement rate, views at the same age, best time to post, hashtag and sound leaderboards.</summary>
internal static class InsightEndpoints
{
    public static RouteGroupBuilder MapInsightEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/profiles/{id:guid}").WithTags("Insights");
        group.MapGet("/engagement", EngagementAsync)
            .WithSummary("The profile's engagement rates: median of post rates beside the ratio of sums, over the last 30 posts or a period")
            .WithDescription("window = last30 (default: the last 30 posts by posting time) or period (from/to on posting time). Each rate names its formula.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/same-age", SameAgeAsync)
            .WithSummary("Median views of the profile's posts 24 h and 7 days after posting (from their history), optional from/to on posting time")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/best-time", BestTimeAsync)
            .WithSummary("Weekday × hour heatmap of median views 24 h after posting, by local posting time")
            .WithDescription("timeZone = an IANA id (default Monitoring:TimeZone); excludeAds = true leaves out ads and paid partnerships; optional from/to on posting time.")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/hashtags", HashtagsAsync)
            .WithSummary("Hashtag leaderboard: posts, median views, median engagement rate and best post per tag, optional from/to on posting time")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/sounds", SoundsAsync)
            .WithSummary("Sound leaderboards, original sounds apart from borrowed ones, optional from/to on posting time")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    /// <param name="window">last30 (default) or period.</param>
    /// <param name="from">With window=period: start of the posting period (inclusive), a date or an ISO 8601 time with offset.</param>
    /// <param name="to">With window=period: end of the posting period (exclusive).</param>
    private static async Task<Results<Ok<ProfileEngagement>, ValidationProblem, ProblemHttpResult>> EngagementAsync(
        Guid id, ProfileInsights insights, CancellationToken cancellationToken, string? window = null, string? from = null, string? to = null)
    {
        var problems = new Dictionary<string, string[]>();
        var parsed = InsightParameterParser.Window(window, from, to, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await insights.EngagementAsync(id, parsed, cancellationToken) is { } result ? TypedResults.Ok(result) : ProfileEndpoints.ProfileNotFound(id);
    }

    private static async Task<Results<Ok<SameAgeMedians>, ValidationProblem, ProblemHttpResult>> SameAgeAsync(
        Guid id, ProfileInsights insights, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        var problems = new Dictionary<string, string[]>();
        var period = InsightParameterParser.Period(from, to, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        return await insights.SameAgeAsync(id, period, cancellationToken) is { } result ? TypedResults.Ok(result) : ProfileEndpoints.ProfileNotFound(id);
    }

    private static async Task<Results<Ok<BestTimeHeatmap>, ValidationProblem, ProblemHttpResult>> BestTimeAsync(
        Guid id, ProfileInsights insights, ReportingTimeZone reportingZone, CancellationToken cancellationToken,
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

        return await insights.BestTimeAsync(id, period, zone, withoutAds, cancellationToken) is { } result ? TypedResults.Ok(result) : ProfileEndpoints.ProfileNotFound(id);
    }

    /// <param name="sortBy">posts (default), medianViews, medianEngagementRate, bestPostViews or key.</param>
    private static async Task<Results<Ok<Leaderboard>, ValidationProblem, ProblemHttpResult>> HashtagsAsync(
        Guid id, ProfileInsights insights, CancellationToken cancellationToken,
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
            : ProfileEndpoints.ProfileNotFound(id);
    }

    /// <param name="sortBy">posts (default), medianViews, medianEngagementRate, bestPostViews or key.</param>
    private static async Task<Results<Ok<SoundLeaderboards>, ValidationProblem, ProblemHttpResult>> SoundsAsync(
        Guid id, ProfileInsights insights, CancellationToken cancellationToken,
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
            : ProfileEndpoints.ProfileNotFound(id);
    }
}
