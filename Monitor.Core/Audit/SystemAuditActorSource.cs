namespace Monitor.Core.Audit;

/// <summary>The actor when no host tells who is acting: jobs and the command line.</summary>
internal sealed class SystemAuditActorSource : IAuditActorSource
{
    public AuditActor Current => AuditActor.System;
}
