namespace Monitor.Core.Reports;

/// <summary>
/// A report as built and sent for one period: its PDF kept until <see cref="ExpiresAt"/> (<c>Reports:KeepDays</c>).
/// One row per definition and period (unique), so the schedule cannot send a period twice.
/// </summary>
public sealed class SentReport
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DefinitionId { get; set; }
    public ReportCadence Cadence { get; set; }

    /// <summary>The first local day of the period, in <see cref="TimeZone"/>.</summary>
    public DateOnly PeriodStart { get; set; }

    /// <summary>The last local day of the period (included).</summary>
    public DateOnly PeriodEnd { get; set; }

    public required string TimeZone { get; set; }
    public DateTime CreatedAt { get; set; }
    public required byte[] Pdf { get; set; }
    public ReportEmailStatus EmailStatus { get; set; }
    public string? EmailError { get; set; }
    public DateTime? EmailedAt { get; set; }

    /// <summary>Emails tried for this period; the schedule retries a failed one until <see cref="ReportDelivery.MaxEmailAttempts"/>.</summary>
    public int EmailAttempts { get; set; }
    public DateTime ExpiresAt { get; set; }
}
