namespace Monitor.Core.Audit;

/// <summary>What a change was made to: a kind (<c>profile</c>, <c>group</c>, <c>user</c>...), its id and a label a person reads.</summary>
public sealed record AuditTarget(string Kind, string? Id, string? Label)
{
    public static AuditTarget Profile(Guid id, string? handle) => new("profile", id.ToString(), handle is null ? null : "@" + handle);

    public static AuditTarget Group(Guid id, string? name) => new("group", id.ToString(), name);

    public static AuditTarget Channel(Guid id, string? name) => new("channel", id.ToString(), name);

    public static AuditTarget User(string? id, string? name) => new("user", id, name);

    public static AuditTarget Key(Guid id, string? name) => new("apiKey", id.ToString(), name);

    public static AuditTarget Workspace(Guid id, string? name) => new("workspace", id.ToString(), name);

    public static AuditTarget Settings(string name) => new("settings", null, name);
}
