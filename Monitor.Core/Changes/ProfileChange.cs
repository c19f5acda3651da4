namespace Monitor.Core.Changes;

/// <summary>
/// A change that must be captured when it happens (a caption's old text is gone after the upsert): written by the
/// database triggers of <see cref="ChangeTriggers"/> on every writer, and by a run's quality check for posts no longer
/// seen or seen again. What can be derived later (failed runs, breakouts) is not copied here.
/// </summary>
public sealed class ProfileChange
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }
    public long? PostId { get; set; }

    /// <summary>One of <see cref="ChangeKinds"/>.</summary>
    public required string Kind { get; set; }

    public string? OldValue { get; set; }
    public string? NewValue { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The run that saw the change; null for a change written outside a run (the bulk endpoint, an edit).</summary>
    public long? MonitoringLogId { get; set; }
}
