namespace Monitor.Core.Audit;

/// <summary>One row of the audit log as the API and the page show it; old and new values are JSON objects as text.</summary>
public sealed record AuditEntryView(
    long Id,
    DateTime OccurredAt,
    AuditActorKind ActorKind,
    string? ActorId,
    string ActorName,
    string? SourceAddress,
    string Action,
    string? TargetKind,
    string? TargetId,
    string? TargetLabel,
    string? OldValues,
    string? NewValues);
