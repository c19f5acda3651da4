using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Credits;
using Monitor.Core.Workspaces;
using Monitor.Web.Workspaces;

namespace Monitor.Web.Endpoints;

public static class CreditEndpoints
{
    public static IEndpointRouteBuilder MapCreditEndpoints(this IEndpointRouteBuilder api)
    {
        var credits = api.MapGroup("/credits").WithTags("Credits");
        credits.MapGet("/usage", GetUsageAsync)
            .WithSummary("Credits per day over the last N days: counted by the monitor, reported by ScrapeCreators (after the daily reconciliation), requests")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        credits.MapGet("/summary", GetSummaryAsync)
            .WithSummary("Credits today and this month, per profile, the balance, the month's forecast in credits and money, and the budget");
        credits.MapGet("/budget", GetBudgetAsync)
            .WithSummary("The monthly credit budget, this month's spend and whether scheduled runs are paused");
        credits.MapGet("/workspaces", GetWorkspaceBudgetsAsync)
            .WithSummary("Each workspace the caller sees: this month's credits charged to it (a profile shared with other workspaces counts in full in each), its monthly budget, the level (ok, warning at 80 %, exceeded) and the pause");
        credits.MapGet("/workspaces/{id:guid}", GetWorkspaceBudgetAsync)
            .WithSummary("One workspace's credits this month against its monthly budget; when spent, scheduled runs of the profiles only it watches pause")
            .ProducesProblem(StatusCodes.Status404NotFound);
        credits.MapPut("/budget", SetBudgetAsync).RequireInstanceAdmin()
            .WithSummary("Set the monthly credit budget (null or 0 removes it); saving also lifts an out-of-credits pause")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <param name="days">The last N days of the reporting zone, today included (1–366, default 30).</param>
    private static async Task<Results<Ok<IReadOnlyList<CreditUsageDay>>, ProblemHttpResult>> GetUsageAsync(
        CreditUsageQuery query, CancellationToken cancellationToken, int days = 30)
    {
        if (days is < 1 or > CreditUsageQuery.MaxDays)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid period", detail: $"days is 1–{CreditUsageQuery.MaxDays}.");
        }

        return TypedResults.Ok(await query.GetUsageAsync(days, cancellationToken));
    }

    private static async Task<Ok<CreditSummary>> GetSummaryAsync(CreditUsageQuery query, CancellationToken cancellationToken) =>
        TypedResults.Ok(await query.GetSummaryAsync(cancellationToken));

    private static async Task<Ok<CreditBudgetStatus>> GetBudgetAsync(CreditBudgetService budget, CancellationToken cancellationToken) =>
        TypedResults.Ok(await budget.GetStatusAsync(cancellationToken));

    private static async Task<Ok<IReadOnlyList<CreditBudgetStatus>>> GetWorkspaceBudgetsAsync(
        CreditWorkspaceBudgets budgets, WorkspaceScope scope, CancellationToken cancellationToken) =>
        TypedResults.Ok(await budgets.GetStatusesAsync(scope.IsUnrestricted ? null : scope.VisibleWorkspaceIds, cancellationToken));

    private static async Task<Results<Ok<CreditBudgetStatus>, ProblemHttpResult>> GetWorkspaceBudgetAsync(
        Guid id, CreditWorkspaceBudgets budgets, WorkspaceScope scope, CancellationToken cancellationToken) =>
        scope.CanRead(id) && await budgets.GetStatusAsync(id, cancellationToken) is { } status
            ? TypedResults.Ok(status)
            : ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Not found", $"No workspace has id {id}.");

    private static async Task<Results<Ok<CreditBudgetStatus>, ProblemHttpResult>> SetBudgetAsync(
        SetCreditBudgetRequest? body, CreditBudgetService budget, CancellationToken cancellationToken)
    {
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A body {\"monthlyBudget\": 50000} is required (null or 0 removes the budget).");
        }

        if (body.MonthlyBudget is < 0 or > CreditBudgetService.MaxBudget)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid budget",
                detail: $"monthlyBudget is 0–{CreditBudgetService.MaxBudget:N0} credits, or null for none.");
        }

        return TypedResults.Ok(await budget.SetBudgetAsync(body.MonthlyBudget, cancellationToken));
    }
}
