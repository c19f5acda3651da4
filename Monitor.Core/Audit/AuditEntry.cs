namespace Monitor.Core.Audit;

/// <summary>One change a person, an API key or the system made: who, from where, what, on which target, old → new.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime OccurredAt { get; set; }
    public AuditActorKind ActorKind { get; set; }

    /// <summary>The user's id or the key's id; null for the system and for a sign-in under an unknown name.</summary>
    public string? ActorId { get; set; }

    /// <summary>The user name or the key's name, as it was when the change was made.</summary>
    public required string ActorName { get; set; }

    public string? SourceAddress { get; set; }
    public required string Action { get; set; }
    public string? TargetKind { get; set; }
    public string? TargetId { get; set; }
    public string? TargetLabel { get; set; }

    /// <summary>The changed fields before, as a small JSON object (secrets redacted); null when nothing existed before.</summary>
    public string? OldValues { get; set; }

    /// <summary>The changed fields after, as a small JSON object (secrets redacted); null when nothing exists after.</summary>
    public string? NewValues { get; set; }
}
