namespace Monitor.Core.Changes;

/// <summary>A user's dated note on a profile ("paid boost", "campaign start"), shown in the change feed and on the charts.</summary>
public sealed class ProfileAnnotation
{
    public long Id { get; set; }
    public Guid ProfileId { get; set; }

    /// <summary>The instant the note is about; for a whole day, the start of that day in <c>Monitoring:TimeZone</c>.</summary>
    public DateTime OccurredAt { get; set; }

    /// <summary>The note is about a day (in <c>Monitoring:TimeZone</c>), not a moment.</summary>
    public bool AllDay { get; set; }

    public required string Text { get; set; }

    /// <summary>The user name, or the API key's name, that added it.</summary>
    public required string CreatedBy { get; set; }

    public DateTime CreatedAt { get; set; }
}
