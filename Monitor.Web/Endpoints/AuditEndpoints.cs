using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Audit;
using Monitor.Core.Common;
using Monitor.Web.Workspaces;

namespace Monitor.Web.Endpoints;

/// <summary>
/// The audit log for scripts. Like every /api route it takes an API key, which only an admin can create: a key acts
/// with an admin's rights, so it may read the log; a viewer has no key and no way in.
/// </summary>
internal static class AuditEndpoints
{
    public static IEndpointRouteBuilder MapAuditEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/audit", ListAsync).RequireInstanceAdmin().WithTags("Audit")
            .WithSummary("The audit log, newest first: who changed what and when, from which address, with old and new values (secrets never stored)")
            .WithDescription("Filters (each optional): from, to = a date (UTC midnight) or an ISO 8601 time with its offset, [from, to); actor = part of a user or key name; action = an action name (profile.added) or its first part (profile); target = part of the target's label (@handle, group name) or its id.")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    private static async Task<Results<Ok<PagedResult<AuditEntryView>>, ValidationProblem>> ListAsync(
        AuditLogQueries audit, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? actor = null, string? action = null, string? target = null, int page = 1, int pageSize = 50)
    {
        if (ExportEndpoints.RangeProblem(from, to, out var start, out var end) is { } range)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [range.StartsWith("to ", StringComparison.Ordinal) ? "to" : "from"] = [range] });
        }

        var query = new AuditLogQuery(start, end, actor, action, target, page, pageSize);
        return query.Problems() is { Count: > 0 } problems
            ? TypedResults.ValidationProblem(problems)
            : TypedResults.Ok(await audit.ListAsync(query, cancellationToken));
    }
}
