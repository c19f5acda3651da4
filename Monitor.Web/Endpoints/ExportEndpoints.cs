using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Exports;

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
        group.MapGet("/logs.csv", LogsAsync).WithSummary("The profile's monitoring log, as CSV")
            .Produces(StatusCodes.Status200OK, contentType: "text/csv").ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> PostsAsync(Guid id, ProfileExports exports, CancellationToken cancellationToken) =>
        await exports.FileNameAsync(id, ExportKind.Posts, cancellationToken) is { } name
            ? TypedResults.Stream(stream => exports.WritePostsAsync(id, stream, cancellationToken), CsvContentType, name)
            : ProfileEndpoints.ProfileNotFound(id);

    /// <param name="from">Start of the range (inclusive): a date or an ISO 8601 time; without an offset it is UTC.</param>
    /// <param name="to">End of the range (exclusive), likewise.</param>
    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> HistoryAsync(
        Guid id, ProfileExports exports, CancellationToken cancellationToken, string? from = null, string? to = null)
    {
        if (!TryParseTime(from, out var start) || !TryParseTime(to, out var end))
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", "from and to are dates (2026-11-01) or ISO 8601 times (2026-11-01T12:00:00Z).");
        }

        if (start >= end)
        {
            return ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid range", "from must be before to.");
        }

        return await exports.FileNameAsync(id, ExportKind.History, cancellationToken) is { } name
            ? TypedResults.Stream(stream => exports.WriteHistoryAsync(id, start, end, stream, cancellationToken), CsvContentType, name)
            : ProfileEndpoints.ProfileNotFound(id);
    }

    private static async Task<Results<PushStreamHttpResult, ProblemHttpResult>> LogsAsync(Guid id, ProfileExports exports, CancellationToken cancellationToken) =>
        await exports.FileNameAsync(id, ExportKind.Logs, cancellationToken) is { } name
            ? TypedResults.Stream(stream => exports.WriteLogsAsync(id, stream, cancellationToken), CsvContentType, name)
            : ProfileEndpoints.ProfileNotFound(id);

    private static bool TryParseTime(string? text, out DateTime? value)
    {
        value = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (text.Length > 40 || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return false;
        }

        value = parsed.UtcDateTime;
        return true;
    }
}
