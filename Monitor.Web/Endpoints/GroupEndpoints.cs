using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Common;
using Monitor.Core.Groups;
using Monitor.Core.Groups.Compare;
namespace Monitor.Web.Endpoints;

internal static class GroupEndpoints
{
    public static RouteGroupBuilder MapGroupEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/groups").WithTags("Groups");
        group.MapGet("/", ListAsync).WithSummary("Comparison groups, by name, with their size and own profile");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One group with its members (own first)").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Create a group (name unique, case-insensitive)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPatch("/{id:guid}", UpdateAsync).WithSummary("Rename or re-describe a group: fields left out keep their value, an empty description removes it")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a group; its profiles stay").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{id:guid}/members/{profileId:guid}", PutMemberAsync)
            .WithSummary("Add a profile to the group (idempotent) and optionally mark it own; at most Groups:MaxMembers (default 20) a group, one own")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapDelete("/{id:guid}/members/{profileId:guid}", RemoveMemberAsync).WithSummary("Remove a profile from the group")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{id:guid}/compare", CompareAsync)
            .WithSummary("The group side by side over a period: per-profile figures, competitor and group averages, indexed growth")
            .WithDescription("from and to are days (yyyy-MM-dd) of Monitoring:TimeZone, both included; to defaults to today, from to 30 days ending on to; at most 366 days. Each column's formula is in columns[].explanation. Rows are ranked by sortBy (a column key, or profile; default medianViews), descending unless descending=false; rows without the figure come last.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<GroupSummary>>> ListAsync(GroupService groups, CancellationToken cancellationToken) =>
        TypedResults.Ok(await groups.ListAsync(cancellationToken));

    private static async Task<Results<Ok<GroupDetail>, ProblemHttpResult>> GetAsync(Guid id, GroupService groups, CancellationToken cancellationToken) =>
        await groups.GetAsync(id, cancellationToken) is { } group ? TypedResults.Ok(group) : GroupNotFound(id);

    private static async Task<Results<Created<GroupDetail>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        GroupRequest? body, GroupService groups, CancellationToken cancellationToken)
    {
        var result = await groups.CreateAsync(body?.Name, body?.Description, cancellationToken);
        return Answer(result, group => TypedResults.Created($"/api/tiktok/groups/{group!.Id}", group));
    }

    private static async Task<Results<Ok<GroupDetail>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, GroupRequest? body, GroupService groups, CancellationToken cancellationToken)
    {
        return Answer(await groups.UpdateAsync(id, body?.Name, body?.Description, cancellationToken), group => TypedResults.Ok(group!));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, GroupService groups, CancellationToken cancellationToken) =>
        await groups.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : GroupNotFound(id);

    private static async Task<Results<Ok<GroupDetail>, ValidationProblem, ProblemHttpResult>> PutMemberAsync(
        Guid id, Guid profileId, GroupMemberRequest? body, GroupMembership members, CancellationToken cancellationToken)
    {
        return Answer(await members.PutAsync(id, profileId, body?.IsOwn, cancellationToken), group => TypedResults.Ok(group!));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveMemberAsync(
        Guid id, Guid profileId, GroupMembership members, CancellationToken cancellationToken)
    {
        return Answer(await members.RemoveAsync(id, profileId, cancellationToken), _ => TypedResults.NoContent());
    }

    private static async Task<Results<Ok<GroupComparison>, ValidationProblem, ProblemHttpResult>> CompareAsync(
        Guid id, GroupCompareService compare, ReportingTimeZone zone, TimeProvider time, CancellationToken cancellationToken,
        string? from = null, string? to = null, string? sortBy = null, bool descending = true)
    {
        var problems = new Dictionary<string, string[]>();
        if (sortBy is not null && !CompareLeaderboard.IsKnown(sortBy, CompareColumns.All))
        {
            problems["sortBy"] = [$"sortBy is one of {CompareLeaderboard.ProfileKey}, {string.Join(", ", CompareColumns.All.Select(c => c.Key))}."];
        }

        var fromDay = ParseDay("from", from, problems);
        var toDay = ParseDay("to", to, problems);
        if (problems.Count > 0)
        {
            return TypedResults.ValidationProblem(problems);
        }

        var (period, field, problem) = ComparePeriod.Create(fromDay, toDay, zone, time.GetUtcNow().UtcDateTime);
        if (period is null)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [problem!] });
        }

        return await compare.CompareAsync(id, period, cancellationToken) is { } result
            ? TypedResults.Ok(result with { Rows = CompareLeaderboard.Sort(result.Rows, result.Columns, sortBy ?? CompareLeaderboard.DefaultKey, descending) })
            : GroupNotFound(id);
    }

    private static DateOnly? ParseDay(string name, string? value, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems[name] = [$"{name} is a day written yyyy-MM-dd, e.g. 2026-11-01; \"{value}\" is not."];
        return null;
    }

    /// <summary>The success answer, or the refusal: 400 naming the field, 404 for what is not there, 409 for a conflict.</summary>
    private static Results<TOk, ValidationProblem, ProblemHttpResult> Answer<TOk>(GroupResult result, Func<GroupDetail?, TOk> ok)
        where TOk : IResult => result.Problem switch
        {
            GroupProblem.None => ok(result.Group),
            GroupProblem.InvalidField => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [result.Field!] = [result.Message!] }),
            GroupProblem.GroupNotFound => ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Group not found", result.Message),
            GroupProblem.ProfileNotFound => ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Profile not found", result.Message),
            GroupProblem.NotAMember => ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Not a member", result.Message),
            GroupProblem.DuplicateName => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Duplicate name", result.Message),
            GroupProblem.GroupFull => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Group full", result.Message),
            GroupProblem.ProfileOutsideWorkspace => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Profile not in the group's workspace", result.Message),
            _ => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Changed meanwhile", result.Message),
        };

    private static ProblemHttpResult GroupNotFound(Guid id) =>
        ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Group not found", $"No group has id {id}.");
}
