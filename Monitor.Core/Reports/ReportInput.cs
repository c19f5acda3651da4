namespace Monitor.Core.Reports;

/// <summary>A report definition as asked for (the form and the API): every field given, as on a PUT.</summary>
/// <param name="Name">1–100 characters.</param>
/// <param name="ProfileId">The profile reported on; exactly one of this and <paramref name="GroupId"/>.</param>
/// <param name="GroupId">The group reported on (with its compare table).</param>
/// <param name="Cadence">weekly or monthly.</param>
/// <param name="TimeZone">An IANA zone (e.g. Europe/Berlin): the calendar periods and the send hour are in it. Default UTC.</param>
/// <param name="WeekStart">The day a week starts on (monday … sunday); default monday.</param>
/// <param name="SendHour">The local hour (0–23) from which a completed period's report goes out; default 8.</param>
/// <param name="To">1–20 recipient addresses.</param>
/// <param name="Bcc">0–20 blind-copy addresses.</param>
/// <param name="ChannelId">The email channel whose SMTP settings and sender address send it.</param>
/// <param name="Enabled">Whether the schedule sends it; default true.</param>
public sealed record ReportInput(
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
    bool? Enabled);
