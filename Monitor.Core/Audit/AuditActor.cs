namespace Monitor.Core.Audit;

/// <summary>Who made a change, and from which client address (after the proxy's forwarded headers).</summary>
public sealed record AuditActor(AuditActorKind Kind, string? Id, string Name, string? SourceAddress)
{
    public static AuditActor System { get; } = new(AuditActorKind.System, null, "system", null);

    public static AuditActor User(string? id, string name, string? source) => new(AuditActorKind.User, id, name, source);

    public static AuditActor ApiKey(Guid id, string name, string? source) =>
        new(AuditActorKind.ApiKey, id == Guid.Empty ? null : id.ToString(), name, source);
}
