using Monitor.Core.Reports;

namespace Monitor.Web.Components.Pages.Reports;

/// <summary>The report form's state; addresses are typed comma-separated.</summary>
public sealed class ReportFormModel
{
    public Guid? Id { get; set; }
    public string? Name { get; set; }
    public bool AboutGroup { get; set; }
    public Guid? SubjectId { get; set; }
    public string Cadence { get; set; } = "weekly";
    public string TimeZone { get; set; } = "UTC";
    public string WeekStart { get; set; } = "monday";
    public int SendHour { get; set; } = ReportLimits.DefaultSendHour;
    public string? To { get; set; }
    public string? Bcc { get; set; }
    public Guid? ChannelId { get; set; }
    public bool Enabled { get; set; } = true;

    /// <summary>What the last save refused, by field (the API's names: <c>timeZone</c>, <c>to</c>); the typed values stay.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; set; } = new Dictionary<string, string[]>();

    public string? ErrorOf(params string[] fields) =>
        fields.SelectMany(f => Errors.TryGetValue(f, out var messages) ? messages : []).ToList() is { Count: > 0 } found ? string.Join(" ", found) : null;

    public static ReportFormModel From(ReportView report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return new ReportFormModel
        {
            Id = report.Id,
            Name = report.Name,
            AboutGroup = report.GroupId is not null,
            SubjectId = report.GroupId ?? report.ProfileId,
            Cadence = report.Cadence,
            TimeZone = report.TimeZone,
            WeekStart = report.WeekStart,
            SendHour = report.SendHour,
            To = string.Join(", ", report.To),
            Bcc = string.Join(", ", report.Bcc),
            ChannelId = report.ChannelId,
            Enabled = report.Enabled,
        };
    }

    public ReportInput ToInput() => new(Name, AboutGroup ? null : SubjectId, AboutGroup ? SubjectId : null, Cadence, TimeZone, WeekStart, SendHour,
        Split(To), Split(Bcc), ChannelId, Enabled);

    private static List<string> Split(string? text) =>
        [.. (text ?? string.Empty).Split([',', ';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
