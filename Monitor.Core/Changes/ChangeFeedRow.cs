namespace Monitor.Core.Changes;

/// <summary>One row of <see cref="ChangeFeedSql.Feed"/>, before it is described for a reader.</summary>
public sealed class ChangeFeedRow
{
    public required string Kind { get; init; }
    public DateTime OccurredAt { get; init; }
    public long? PostId { get; init; }
    public string? OldValue { get; init; }
    public string? NewValue { get; init; }
    public long? RunId { get; init; }
    public long SourceId { get; init; }
    public string? Author { get; init; }
    public bool? AllDay { get; init; }
    public string? PostAwemeId { get; init; }
    public string? PostUrl { get; init; }
    public string? PostCaption { get; init; }
}
