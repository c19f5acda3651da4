namespace Monitor.Core.Reports;

/// <summary>A stored report: its period (local days of <see cref="TimeZone"/>, both included), its email's fate, until when it is kept.</summary>
public sealed record SentReportView(
    Guid Id,
    Guid DefinitionId,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    string TimeZone,
    string Period,
    DateTime CreatedAt,
    string EmailStatus,
    string? EmailError,
    DateTime? EmailedAt,
    DateTime ExpiresAt,
    long PdfBytes);
