using Monitor.Core.Common;

namespace Monitor.Core.Runs;

/// <summary>
/// The outbox row a run's close writes in its own transaction (completed, or failed with no further attempt): it
/// survives the run's process and exists once whichever node closed the run. The dispatcher turns it into messages.
/// </summary>
public sealed class RunNotificationEvent
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public long LogId { get; set; }
    public bool Succeeded { get; set; }
    public string? Error { get; set; }
    public DateTime OccurredAt { get; set; }
    public DateTime? ProcessedAt { get; set; }
}
