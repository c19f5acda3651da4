namespace Monitor.Core.Audit;

public enum AuditActorKind
{
    System,
    User,
    ApiKey,
}
