using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Reports;

namespace Monitor.Web.Endpoints;

/// <summary>The reports page's downloads, for signed-in users (the API's own routes take keys, not cookies).</summary>
internal static class ReportDownloadEndpoints
{
    public static IEndpointRouteBuilder MapReportDownloads(this IEndpointRouteBuilder app)
    {
        app.MapGet("/reports/{id:guid}/preview.pdf", PreviewAsync).ExcludeFromDescription();
        app.MapGet("/reports/sent/{sentId:guid}.pdf", SentAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound<string>, Conflict<string>>> PreviewAsync(
        Guid id, ReportService reports, CancellationToken cancellationToken)
    {
        var (result, report) = await reports.PreviewAsync(id, cancellationToken);
        return report is not null ? TypedResults.File(report.Pdf, "application/pdf", report.FileName)
            : result.Problem == ReportProblem.NotFound ? TypedResults.NotFound(result.Message!) : TypedResults.Conflict(result.Message!);
    }

    private static async Task<Results<FileContentHttpResult, NotFound<string>>> SentAsync(Guid sentId, ReportService reports, CancellationToken cancellationToken) =>
        await reports.SentPdfAsync(sentId, cancellationToken) is { } pdf
            ? TypedResults.File(pdf.Pdf, "application/pdf", pdf.FileName)
            : TypedResults.NotFound("No stored report has this id, or it expired.");
}
