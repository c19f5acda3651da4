using Monitor.Core.Reports;

namespace Monitor.Web.Endpoints;

/// <summary>A report definition, every field given (POST creates, PUT replaces).</summary>
/// <param name="Name">1–100 characters.</param>
/// <param name="ProfileId">The profile reported on; exactly one of profileId and groupId.</param>
/// <param name="GroupId">The group reported on (the PDF then holds its compare table).</param>
/// <param name="Cadence">weekly or monthly (default weekly): the last complete calendar week or month.</param>
/// <param name="TimeZone">IANA zone of the calendar periods and the send hour, e.g. Europe/Berlin (default UTC).</param>
/// <param name="WeekStart">monday … sunday (default monday).</param>
/// <param name="SendHour">Local hour 0–23 from which a completed period's report is sent (default 8).</param>
/// <param name="To">1–20 recipients.</param>
/// <param name="Bcc">0–20 blind-copy recipients.</param>
/// <param name="ChannelId">The email notification channel whose SMTP settings and sender address send the report.</param>
/// <param name="Enabled">Whether the hourly schedule sends it (default true).</param>
internal sealed record ReportRequest(
    string? Name,
    Guid? ProfileId,
    Guid? GroupId,
    string? Cadence,
    string? TimeZone,
    string? WeekStart,
    int? SendHour,
    IReadOnlyList<string>? To,
    IReadOnlyList<string>? Bcc,
    Guid? ChannelId,
    bool? Enabled)
{
    public ReportInput ToInput() => new(Name, ProfileId, GroupId, Cadence, TimeZone, WeekStart, SendHour, To, Bcc, ChannelId, Enabled);
}
