using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Core.RunQueries;
using Monitor.Core.Scheduling;
using Monitor.Core.Statistics;

namespace Monitor.Web.Endpoints;

public static class MonitoringEndpoints
{
    public static IEndpointRouteBuilder MapMonitoringEndpoints(this IEndpointRouteBuilder api)
    {
        var profile = api.MapGroup("/tiktok/profiles/{id:guid}/monitoring").WithTags("Monitoring");
        profile.MapGet("/", GetStatusAsync).WithSummary("Monitoring status: schedule, the current run and recent logs")
            .ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapPatch("/", SetMonitoringAsync).WithSummary("Switch monitoring on or off, set the interval between runs (1–168 hours), choose full or by-age scans, or leave posts not seen for several full scans out of the totals")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        profile.MapPost("/trigger", TriggerAsync)
            .WithSummary("Update Now: queue a run ahead of scheduled ones (scope=full: every post, even on a by-age profile; while the credit budget (the instance's, or that of every workspace watching the profile) is spent or the account is out of credits, only with ?confirm=true)")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        api.MapPost("/tiktok/profiles/monitoring/trigger", TriggerManyAsync).WithTags("Monitoring")
            .WithSummary($"Update Now for many profiles ({{\"profileIds\": [...]}}, 1–{TriggerManyRequest.MaxProfiles:N0}), queued in one batch; while the credit budget (the instance's, or that of every workspace watching one of them) is spent or the account is out of credits, only with ?confirm=true")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);

        var queue = api.MapGroup("/monitoring").WithTags("Monitoring");
        queue.MapGet("/statistics", GetStatisticsAsync).WithSummary("Monitoring statistics over the last N days (runs by day and outcome, durations, requests, profiles needing attention)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        queue.MapGet("/queue/stats", GetQueueStatsAsync).WithSummary("Queue figures: waiting, active, delayed, completed and failed");
        return api;
    }

    private static async Task<Results<Ok<ProfileMonitoringStatus>, ProblemHttpResult>> GetStatusAsync(
        Guid id, MonitoringQueries queries, CancellationToken cancellationToken) =>
        await queries.GetStatusAsync(id, cancellationToken) is { } status ? TypedResults.Ok(status) : ProfileNotFound(id);

    private static async Task<Results<Ok<ProfileMonitoringStatus>, ProblemHttpResult>> SetMonitoringAsync(
        Guid id, SetMonitoringRequest? body, ProfileSchedule schedule, CancellationToken cancellationToken)
    {
        if (body is null || (body.Enabled is null && body.IntervalHours is null && body.ScanMode is null && body.ExcludeUnseenPosts is null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Nothing to change",
                detail: "A body {\"enabled\": true|false, \"intervalHours\": 1–168, \"scanMode\": \"full\"|\"byAge\", \"excludeUnseenPosts\": true|false} with at least one member is required.");
        }

        if (body.IntervalHours is { } hours && !MonitoringInterval.IsValid(hours))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid interval", detail: MonitoringInterval.Rule);
        }

        var change = new MonitoringSettingsChange(body.Enabled, body.IntervalHours, body.ScanMode, body.ExcludeUnseenPosts);
        return await schedule.ChangeAsync(id, change, cancellationToken) is { } status ? TypedResults.Ok(status) : ProfileNotFound(id);
    }

    /// <param name="scope">Empty for Update Now (a by-age profile refreshes its posts under 30 days); <c>full</c> for every post.</param>
    /// <param name="confirm">Spend credits even though scheduled runs are paused (budget spent, or out of credits).</param>
    private static async Task<Results<Accepted<QueuedRun>, ProblemHttpResult>> TriggerAsync(
        Guid id, MonitoringScheduleService schedule, CreditWorkspaceBudgets credits, CancellationToken cancellationToken,
        string? scope = null, bool confirm = false)
    {
        var fullScan = scope?.Trim().ToLowerInvariant() switch
        {
            null or "" => false,
            "full" => true,
            _ => (bool?)null,
        };
        if (fullScan is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid scope",
                detail: "scope is empty (Update Now) or \"full\" (every post).");
        }

        if (!confirm && (await credits.PausedProfilesAsync([id], cancellationToken)).Values.FirstOrDefault() is { } paused)
        {
            return PausedByBudget(paused);
        }

        return await schedule.QueueManualRunAsync(id, cancellationToken, fullScan.Value) is { } run
            ? TypedResults.Accepted($"/api/tiktok/profiles/{id}/monitoring", run)
            : ProfileNotFound(id);
    }

    /// <param name="confirm">Spend credits even though scheduled runs are paused (budget spent, or out of credits).</param>
    private static async Task<Results<Accepted<QueuedRuns>, ProblemHttpResult>> TriggerManyAsync(
        TriggerManyRequest? body, MonitoringScheduleService schedule, CreditWorkspaceBudgets credits, CancellationToken cancellationToken,
        bool confirm = false)
    {
        if (body?.ProfileIds is not { Count: > 0 and <= TriggerManyRequest.MaxProfiles } ids || ids.Contains(Guid.Empty))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid profile ids",
                detail: $"A body {{\"profileIds\": [\"<profile id>\", ...]}} with 1–{TriggerManyRequest.MaxProfiles:N0} profile ids is required.");
        }

        if (!confirm && (await credits.PausedProfilesAsync(ids, cancellationToken)).Values.FirstOrDefault() is { } paused)
        {
            return PausedByBudget(paused);
        }

        return TypedResults.Accepted("/api/monitoring/queue/stats", await schedule.QueueManualRunsAsync(ids, cancellationToken));
    }

    /// <param name="days">The period: the last N days of the reporting zone, today included (1–366, default 30).</param>
    private static async Task<Results<Ok<MonitoringStatistics>, ProblemHttpResult>> GetStatisticsAsync(
        MonitoringStatisticsQuery statistics, CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 1 or > MonitoringStatisticsQuery.MaxDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid period", detail: $"days is 1–{MonitoringStatisticsQuery.MaxDays}.");
        }

        return TypedResults.Ok(await statistics.GetAsync(days, cancellationToken));
    }

    private static async Task<Ok<MonitoringQueueStats>> GetQueueStatsAsync(MonitoringQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.GetQueueStatsAsync(cancellationToken));

    private static ProblemHttpResult PausedByBudget(CreditBudgetStatus paused) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict,
            title: paused.WorkspaceId is null ? "Scheduled runs are paused by the credit budget" : "Scheduled runs of this profile are paused by its workspace's credit budget",
            detail: $"{paused.PauseReason} Repeat with ?confirm=true to run anyway.");

    // A problem body, not a bare 404: the status-code pages would otherwise re-execute it into the Blazor not-found page.
    private static ProblemHttpResult ProfileNotFound(Guid id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Profile not found", detail: $"No profile with id {id}.");
}
