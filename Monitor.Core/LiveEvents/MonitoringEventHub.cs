using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// In-process publish/subscribe for run events. Each subscriber reads from its own bounded queue on its own task,
/// so a slow or throwing subscriber never blocks or breaks the run that publishes. Events of runs on other nodes come in
/// through <see cref="PublishFromPeer"/> (the PostgreSQL bridge) and reach every subscriber but the bridge itself.
/// </summary>
public sealed class MonitoringEventHub(ILogger<MonitoringEventHub> logger)
{
    private const int QueueCapacityPerSubscriber = 256;
    private readonly Lock _gate = new();
    private readonly List<Subscription> _subscriptions = [];

    public IDisposable Subscribe(Func<MonitoringEvent, Task> handler) => Add(handler, localOnly: false);

    /// <summary>Only the events published in this process: what the bridge forwards to the other nodes.</summary>
    public IDisposable SubscribeToLocal(Func<MonitoringEvent, Task> handler) => Add(handler, localOnly: true);

    public void Publish(MonitoringEvent monitoringEvent) => Offer(monitoringEvent, fromPeer: false);

    /// <summary>An event another node published; not forwarded again, or two nodes would echo it forever.</summary>
    public void PublishFromPeer(MonitoringEvent monitoringEvent) => Offer(monitoringEvent, fromPeer: true);

    private Subscription Add(Func<MonitoringEvent, Task> handler, bool localOnly)
    {
        ArgumentNullException.ThrowIfNull(handler);
        var subscription = new Subscription(this, handler, localOnly);
        lock (_gate)
        {
            _subscriptions.Add(subscription);
        }

        return subscription;
    }

    private void Offer(MonitoringEvent monitoringEvent, bool fromPeer)
    {
        Subscription[] targets;
        lock (_gate)
        {
            targets = [.. _subscriptions];
        }

        foreach (var target in targets.Where(t => !(fromPeer && t.LocalOnly)))
        {
            target.Offer(monitoringEvent);
        }
    }

    private void Remove(Subscription subscription)
    {
        lock (_gate)
        {
            _subscriptions.Remove(subscription);
        }
    }

    private sealed class Subscription : IDisposable
    {
        private readonly MonitoringEventHub _hub;
        private readonly Func<MonitoringEvent, Task> _handler;
        private readonly Channel<MonitoringEvent> _queue = Channel.CreateBounded<MonitoringEvent>(
            new BoundedChannelOptions(QueueCapacityPerSubscriber) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

        public Subscription(MonitoringEventHub hub, Func<MonitoringEvent, Task> handler, bool localOnly)
        {
            _hub = hub;
            _handler = handler;
            LocalOnly = localOnly;
            _ = Task.Run(PumpAsync);
        }

        public bool LocalOnly { get; }

        public void Offer(MonitoringEvent monitoringEvent) => _queue.Writer.TryWrite(monitoringEvent);

        public void Dispose()
        {
            _hub.Remove(this);
            _queue.Writer.TryComplete();
        }

        private async Task PumpAsync()
        {
            await foreach (var monitoringEvent in _queue.Reader.ReadAllAsync())
            {
                try
                {
                    await _handler(monitoringEvent);
                }
#pragma warning disable CA1031 // A subscriber's failure is its own; the publisher and other subscribers go on.
                catch (Exception ex)
#pragma warning restore CA1031
                {
                    _hub.LogSubscriberFailure(ex, monitoringEvent);
                }
            }
        }
    }

    private void LogSubscriberFailure(Exception ex, MonitoringEvent monitoringEvent) =>
        logger.LogWarning(ex, "A monitoring event subscriber failed on {Kind} for log {LogId}", monitoringEvent.Kind, monitoringEvent.LogId);
}
