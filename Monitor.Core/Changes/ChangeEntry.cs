namespace Monitor.Core.Changes;

/// <summary>
/// One entry of a profile's change feed.
/// </summary>
/// <param name="Kind">One of <see cref="ChangeKinds"/>.</param>
/// <param name="Label">The kind in words ("Caption edited").</param>
/// <param name="OccurredAt">When it happened (UTC); for a note about a day, the start of that day in <see cref="DayTimeZone"/>.</param>
/// <param name="Day">For a note about a whole day: that day, in <see cref="DayTimeZone"/>.</param>
/// <param name="DayTimeZone">The zone of <see cref="Day"/> (<c>Monitoring:TimeZone</c>); null without a day.</param>
/// <param name="Detail">What happened in words (a run's failure, a suspect run's reason, a breakout's threshold).</param>
/// <param name="RunId">The run that saw or was the change, when there is one.</param>
/// <param name="AnnotationId">The note's id (to delete it); null for the other kinds.</param>
/// <param name="CreatedBy">Who added the note.</param>
public sealed record ChangeEntry(
    string Kind,
    string Label,
    DateTime OccurredAt,
    DateOnly? Day,
    string? DayTimeZone,
    long? PostId,
    string? PostAwemeId,
    string? PostUrl,
    string? CaptionExcerpt,
    string? OldValue,
    string? NewValue,
    string? Detail,
    long? RunId,
    long? AnnotationId,
    string? CreatedBy);
