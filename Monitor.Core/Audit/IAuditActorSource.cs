namespace Monitor.Core.Audit;

/// <summary>
/// The actor of the operation in progress: the web app resolves it from the request (cookie user or API key) or from the
/// circuit's user; outside both (jobs, the command line) it is <see cref="AuditActor.System"/>. Services ask for it
/// when they record, so a change is recorded once, where it is made, whoever called.
/// </summary>
public interface IAuditActorSource
{
    AuditActor Current { get; }
}
