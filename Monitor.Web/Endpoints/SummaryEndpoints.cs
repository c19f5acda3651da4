using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Summary;

namespace Monitor.Web.Endpoints;

public static class SummaryEndpoints
{
    public static IEndpointRouteBuilder MapSummaryEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/summary", GetSummaryAsync)
            .WithTags("Summary")
            .WithSummary("A few figures for a home-lab dashboard: profiles, monitored, runs and failures today and credits this month (days in the zone named)");
        return api;
    }

    private static async Task<Ok<HomeSummary>> GetSummaryAsync(HomeSummaryQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetAsync(cancellationToken));
}
