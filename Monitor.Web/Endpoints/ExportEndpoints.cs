using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Audience;
using Monitor.Core.Audit;
using Monitor.Core.Exports;
using Monitor.Core.Posts;

namespace Monitor.Web.Endpoints;

/// <summary>
/// CSV downloads of a profile's posts, history and logs, streamed. The same handlers serve the REST API (under the key)
/// and the dashboard's download buttons (<c>/profiles/{id}/export/...</c>, under the page's sign-in).
/// </summary>
internal static class ExportEndpoints
{
    private const string CsvContentType = "text/csv; charset=utf-8";

    public static void MapExportEndpoints(this IEndpointRouteBuilder routes, string prefix)
    {
        var group = routes.MapGroup(prefix + "/{id:guid}/export").WithTags("Exports");
        group.MapGet("/posts.csv", PostsAsync).WithSummary("The profile's posts with their current counts, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/history.csv", HistoryAsync).WithSummary("Every snapshot of the profile's posts (long form), as CSV; optional from/to (UTC)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/account-history.csv", AccountHistoryAsync).WithSummary("The account's followers, following, likes received and videos as recorded over time, as CSV; optional from/to (UTC)")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/logs.csv", LogsAsync).WithSummary("The profile's monitoring log, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static Task<Results<PushStreamHttpResult, ProblemHttpResult>> PostsAsync(Guid id, ProfileExports exports, AuditTrail audit, CancellationToken cancellationToken) =>
        CsvAsync(id, ExportKind.Posts, null, null, exports, audit, stream => exports.WritePostsAsync(id, stream, cancellationToken), cancellationToken);

    /// <param name="from">Start of the range (inclusive): a date (UTC midnight) or an ISO 8601 time with its offset.</param>
    /// <param name="to">End of the range (exclusive), likewise.</param>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> HistoryAsync(
        Guid id, ProfileExports exports, AuditTrail audit, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (!TryParseTime(from, out var start) || !TryParseTime(to, out var end))
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", "from and to are dates (2026-11-01) or ISO 8601 times with an offset (2026-11-01T12:00:00Z).");
        }

        if (start >= end)
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", "from must be before to.");
        }

        return await CsvAsync(id, ExportKind.History, start, end, exports, audit, stream => exports.WriteHistoryAsync(id, start, end, stream, cancellationToken), cancellationToken);
    }

    /// <param name="from">Start of the range (inclusive): a date (UTC midnight) or an ISO 8601 time with its offset.</param>
    /// <param name="to">End of the range (exclusive), likewise.</param>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> AccountHistoryAsync(
        Guid id, ProfileExports exports, AuditTrail audit, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (RangeProblem(from, to, out var start, out var end) is { } problem)
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", problem);
        }

        return await CsvAsync(id, ExportKind.AccountHistory, start, end, exports, audit, stream => exports.WriteAccountHistoryAsync(id, start, end, stream, cancellationToken), cancellationToken);
    }

    /// <summary>What is wrong with a from/to pair, naming the parameter; null when both parse and from is before to.</summary>
    internal static string? RangeProblem(string? from, string? to, out DateTime? start, out DateTime? end)
    {
        end = null;
        if (!TryParseTime(from, out start))
        {
            return "from is a date (2026-11-01) or an ISO 8601 time with an offset (2026-11-01T12:00:00Z).";
        }

        if (!TryParseTime(to, out end))
        {
            return "to is a date (2026-11-01) or an ISO 8601 time with an offset (2026-11-01T12:00:00Z).";
        }

        return start >= end ? "from must be before to." : null;
    }

    private static Task<Results<PushStreamHttpResult, ProblemHttpResult>> LogsAsync(Guid id, ProfileExports exports, AuditTrail audit, CancellationToken cancellationToken) =>
        CsvAsync(id, ExportKind.Logs, null, null, exports, audit, stream => exports.WriteLogsAsync(id, stream, cancellationToken), cancellationToken);

    /// <summary>
    /// The download named after the profile, streamed by <paramref name="write"/>; a problem for an unknown profile.
    /// Recorded here, the one place both the API and the dashboard's buttons download through.
    /// </summary>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> CsvAsync(Guid id, ExportKind kind, DateTime? from, DateTime? to,
        ProfileExports exports, AuditTrail audit, Func<Stream, Task> write, CancellationToken cancellationToken)
    {
        if (await exports.FileNameAsync(id, kind, cancellationToken) is not { } name)
        {
            return ProfileEndpoints.ProfileNotFound(id);
        }

        await audit.RecordAsync(AuditActions.ExportDownloaded, await audit.ProfileTargetAsync(id, cancellationToken),
            AuditChange.Added(new { Export = kind, File = name, From = from, To = to }), cancellationToken);
        return TypedResults.Stream(write, CsvContentType, name);
    }

    private static bool TryParseTime(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        // A date alone is UTC midnight; a time of day must say its offset, as everywhere else in the API.
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            value = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            return true;
        }

        if (text.Length > 40 || !DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var parsed)
            || parsed.Kind == DateTimeKind.Unspecified)
        {
            return false;
        }

        value = parsed.ToUniversalTime();
        return true;
    }
}
