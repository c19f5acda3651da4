using Monitor.Core.LiveEvents;


namespace Monitor.Web.Workspaces;

/// <summary>
/// The run events a circuit's components subscribe to: the hub's, less those of profiles the circuit's workspaces do not
/// hold. The one place the filter is applied, so an event of workspace A never reaches a page or toast of workspace B.
/// </summary>
public sealed class CircuitMonitoringEvents(MonitoringEventHub hub, CircuitProfileVisibility visibility)
{
    public IDisposable Subscribe(Func<MonitoringEvent, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(handler);
        return hub.Subscribe(async e =>
        {
            if (await visibility.CanSeeAsync(e.ProfileId, CancellationToken.None))
            {
                await handler(e);
            }
        });
    }
}
