namespace Monitor.Core.Reports;

/// <summary>What an operation came to: the definition or the stored report, or the problem with a message for the person who asked.</summary>
public sealed record ReportResult(ReportProblem Problem, ReportView? Report = null, SentReportView? Sent = null,
    IReadOnlyDictionary<string, string[]>? Errors = null, string? Message = null)
{
    public bool Succeeded => Problem == ReportProblem.None;

    public static ReportResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(ReportProblem.Invalid, Errors: errors,
        Message: string.Join(" ", errors.Values.SelectMany(v => v)));

    public static ReportResult NoReport(Guid id) => new(ReportProblem.NotFound, Message: $"No report has id {id}.");

    public static ReportResult SubjectGone() => new(ReportProblem.SubjectGone, Message: "The report's profile or group no longer exists.");
}
