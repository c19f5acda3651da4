namespace Monitor.Core.Reports;

/// <summary>A report definition as the list and the API show it.</summary>
/// <param name="SubjectName">"@handle" for a profile, the group's name for a group.</param>
/// <param name="LastCompletePeriod">The period a preview or "send now" covers right now, e.g. "Week 48, Mon 23 – Sun 29 Nov 2026 (Europe/Berlin)".</param>
public sealed record ReportView(
    Guid Id,
    string Name,
    Guid? ProfileId,
    Guid? GroupId,
    string SubjectName,
    string Cadence,
    string TimeZone,
    string WeekStart,
    int SendHour,
    IReadOnlyList<string> To,
    IReadOnlyList<string> Bcc,
    Guid? ChannelId,
    string? ChannelName,
    bool Enabled,
    DateOnly? LastSentPeriodStart,
    string LastCompletePeriod,
    DateTime CreatedAt,
    DateTime UpdatedAt);
