using Monitor.Core.Workspaces;

namespace Monitor.Core.Reports;

/// <summary>
/// A scheduled report: about one profile or one group (exactly one of <see cref="ProfileId"/> and <see cref="GroupId"/>),
/// over the last complete week or month of <see cref="TimeZone"/>, emailed through an email channel's SMTP settings
/// once the period is over and <see cref="SendHour"/> has passed in that zone. Every query goes through
/// <see cref="ReportService"/>, the one place a later workspace scope would filter.
/// </summary>
public sealed class ReportDefinition
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The workspace that owns it; the first one unless the creating service says otherwise.</summary>
    public Guid WorkspaceId { get; set; } = WorkspaceDefaults.FirstId;
    public required string Name { get; set; }
    public Guid? ProfileId { get; set; }
    public Guid? GroupId { get; set; }
    public ReportCadence Cadence { get; set; }

    /// <summary>The IANA zone the calendar periods and the send hour are in.</summary>
    public required string TimeZone { get; set; }

    public DayOfWeek WeekStart { get; set; } = DayOfWeek.Monday;

    /// <summary>The local hour (0–23) from which the report of a completed period may go out.</summary>
    public int SendHour { get; set; } = ReportLimits.DefaultSendHour;

    public List<string> ToAddresses { get; set; } = [];
    public List<string> BccAddresses { get; set; } = [];

    /// <summary>The email channel whose SMTP settings and sender address are used; null once that channel is deleted.</summary>
    public Guid? ChannelId { get; set; }

    public bool Enabled { get; set; } = true;

    /// <summary>The first local day of the last period sent by the schedule.</summary>
    public DateOnly? LastSentPeriodStart { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}
