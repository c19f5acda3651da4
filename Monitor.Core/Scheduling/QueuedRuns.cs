namespace Monitor.Core.Scheduling;

/// <summary>The answer to Update Now for many profiles: each known profile's run, and the ids that match no profile.</summary>
public sealed record QueuedRuns(IReadOnlyList<ProfileQueuedRun> Runs, IReadOnlyList<Guid> NotFound)
{
    /// <summary>How many runs this request created (the others were already pending or running).</summary>
    public int Created => Runs.Count(r => r.Created);
}
