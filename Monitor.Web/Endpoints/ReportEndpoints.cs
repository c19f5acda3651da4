using Microsoft.AspNetCore.Http.HttpResults;
using Monitor.Core.Reports;

namespace Monitor.Web.Endpoints;

internal static class ReportEndpoints
{
    private const string Pdf = "application/pdf";

    public static RouteGroupBuilder MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tiktok/reports").WithTags("Reports");
        group.MapGet("/", ListAsync).WithSummary("Scheduled reports, by name");
        group.MapGet("/{id:guid}", GetAsync).WithSummary("One scheduled report").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Create a scheduled report about a profile or a group")
            .WithDescription("It is emailed once per calendar week or month of its time zone, after the period ends and once sendHour has passed there, through the email channel's SMTP settings.")
            .ProducesValidationProblem();
        group.MapPut("/{id:guid}", UpdateAsync).WithSummary("Replace a scheduled report's settings (every field given)")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{id:guid}", DeleteAsync).WithSummary("Delete a scheduled report and its stored PDFs").ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/{id:guid}/preview", PreviewAsync)
            .WithSummary("The PDF of the last complete period, built now; neither stored nor emailed")
            .Produces(StatusCodes.Status200OK, contentType: Pdf).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/{id:guid}/send", SendAsync)
            .WithSummary("Build, store and email the last complete period's report now (again if already sent)")
            .WithDescription("502 when the report was stored but the SMTP server did not take the email; the stored report says why.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status502BadGateway);
        group.MapGet("/{id:guid}/sent", ListSentAsync).WithSummary("The report's stored PDFs still kept (Reports:KeepDays), newest period first")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/sent/{sentId:guid}/pdf", SentPdfAsync).WithSummary("A stored report's PDF, until it expires")
            .Produces(StatusCodes.Status200OK, contentType: Pdf).ProducesProblem(StatusCodes.Status404NotFound);
        return group;
    }

    private static async Task<Ok<IReadOnlyList<ReportView>>> ListAsync(ReportService reports, CancellationToken cancellationToken) =>
        TypedResults.Ok(await reports.ListAsync(cancellationToken));

    private static async Task<Results<Ok<ReportView>, ProblemHttpResult>> GetAsync(Guid id, ReportService reports, CancellationToken cancellationToken) =>
        await reports.GetAsync(id, cancellationToken) is { } report ? TypedResults.Ok(report) : NotFound(ReportResult.NoReport(id));

    private static async Task<Results<Created<ReportView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        ReportRequest? body, ReportService reports, CancellationToken cancellationToken)
    {
        var result = await reports.CreateAsync(Input(body), cancellationToken);
        return result.Problem switch
        {
            ReportProblem.None => TypedResults.Created($"/api/tiktok/reports/{result.Report!.Id}", result.Report),
            ReportProblem.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => Refused(result),
        };
    }

    private static async Task<Results<Ok<ReportView>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ReportRequest? body, ReportService reports, CancellationToken cancellationToken)
    {
        var result = await reports.UpdateAsync(id, Input(body), cancellationToken);
        return result.Problem switch
        {
            ReportProblem.None => TypedResults.Ok(result.Report!),
            ReportProblem.Invalid => TypedResults.ValidationProblem(result.Errors!),
            _ => Refused(result),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(Guid id, ReportService reports, CancellationToken cancellationToken) =>
        await reports.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : NotFound(ReportResult.NoReport(id));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> PreviewAsync(Guid id, ReportService reports, CancellationToken cancellationToken)
    {
        var (result, report) = await reports.PreviewAsync(id, cancellationToken);
        return report is null ? Refused(result) : TypedResults.File(report.Pdf, Pdf, report.FileName);
    }

    private static async Task<Results<Ok<SentReportView>, ProblemHttpResult>> SendAsync(Guid id, ReportService reports, CancellationToken cancellationToken)
    {
        var result = await reports.SendNowAsync(id, cancellationToken);
        return result.Problem == ReportProblem.None ? TypedResults.Ok(result.Sent!) : Refused(result);
    }

    private static async Task<Results<Ok<IReadOnlyList<SentReportView>>, ProblemHttpResult>> ListSentAsync(
        Guid id, ReportService reports, CancellationToken cancellationToken) =>
        await reports.ListSentAsync(id, cancellationToken) is { } sent ? TypedResults.Ok(sent) : NotFound(ReportResult.NoReport(id));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> SentPdfAsync(Guid sentId, ReportService reports, CancellationToken cancellationToken) =>
        await reports.SentPdfAsync(sentId, cancellationToken) is { } pdf
            ? TypedResults.File(pdf.Pdf, Pdf, pdf.FileName)
            : ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Report not found", $"No stored report has id {sentId}, or it expired (Reports:KeepDays).");

    private static ReportInput Input(ReportRequest? body) =>
        body?.ToInput() ?? new ReportInput(null, null, null, null, null, null, null, null, null, null, null);

    private static ProblemHttpResult NotFound(ReportResult result) => ProfileEndpoints.Problem(StatusCodes.Status404NotFound, "Report not found", result.Message);

    private static ProblemHttpResult Refused(ReportResult result) => result.Problem switch
    {
        ReportProblem.NotFound => NotFound(result),
        ReportProblem.SubjectGone => ProfileEndpoints.Problem(StatusCodes.Status409Conflict, "Subject gone", result.Message),
        ReportProblem.SendFailed => ProfileEndpoints.Problem(StatusCodes.Status502BadGateway, "Email not delivered",
            $"The report was stored (it can be downloaded) but the email was not delivered: {result.Message}"),
        _ => ProfileEndpoints.Problem(StatusCodes.Status400BadRequest, "Invalid report", result.Message),
    };
}
