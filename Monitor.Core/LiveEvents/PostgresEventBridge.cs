using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Monitor.Core.Data;
using Npgsql;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// Carries run events between the nodes of one PostgreSQL database (a web node hears the runs its workers execute):
/// this node's events go out with <c>pg_notify</c>, and a dedicated connection LISTENs for the other nodes' events and
/// hands them to the local hub. Subscribers in this process already got its own events from the hub at once, so the
/// database never delays them, and an outage only pauses the traffic between nodes: the listener reconnects with
/// backoff and a failed notify is dropped (pages read the database on load and after each run anyway).
/// </summary>
internal sealed class PostgresEventBridge : BackgroundService
{
    public const string Channel = "monitor_run_events";

    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan LastRetry = TimeSpan.FromSeconds(5);

    /// <summary>Events sent in one round trip at most: about 100 × 8 KB payloads at worst.</summary>
    private const int MaxBatch = 100;

    /// <summary>How long a stop waits for events still to be sent (the interruption of a run in progress among them).</summary>
    private static readonly TimeSpan DrainOnStop = TimeSpan.FromSeconds(5);

    private readonly MonitoringEventHub _hub;
    private readonly TimeProvider _time;
    private readonly ILogger<PostgresEventBridge> _logger;
    private readonly NpgsqlDataSource _publisher;
    private readonly string _listenerConnectionString;
    private readonly ConnectionOutage _sendOutage;
    private readonly ConnectionOutage _listenOutage;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Telemetry.MonitorInstruments _instruments;

    // This node's events wait here to be sent, in order; past the bound the oldest progress is dropped, never a run.
    private readonly Channel<MonitoringEvent> _outbox = System.Threading.Channels.Channel.CreateBounded<MonitoringEvent>(
        new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    private IDisposable? _subscription;
    private Task _sender = Task.CompletedTask;

    public PostgresEventBridge(MonitoringEventHub hub, DatabaseSettings database, TimeProvider time, ILogger<PostgresEventBridge> logger,
        Telemetry.MonitorInstruments instruments)
    {
        _instruments = instruments;
        ArgumentNullException.ThrowIfNull(database);
        _hub = hub;
        _time = time;
        _logger = logger;
        // Short timeouts: during an outage a notify fails fast instead of holding the next events back.
        _publisher = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = "monitor-events",
            Timeout = 5,
            CommandTimeout = 5,
            MaxPoolSize = 2,
        }.ConnectionString);
        // Its own unpooled connection, with keepalives so that a silently dropped connection is noticed while waiting.
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(database.ConnectionString)
        {
            ApplicationName = "monitor-events-listener",
            Pooling = false,
            Timeout = 5,
            KeepAlive = 10,
        }.ConnectionString;
        _sendOutage = new ConnectionOutage("Sending live events to other nodes", logger, time);
        _listenOutage = new ConnectionOutage("Live events from other nodes", logger, time);
    }

    /// <summary>Tells this node's notifications from the others' on the shared channel.</summary>
    public Guid NodeId { get; } = Guid.NewGuid();

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = _hub.SubscribeToLocal(e =>
        {
            _outbox.Writer.TryWrite(e);
            return Task.CompletedTask;
        });
        _sender = Task.Run(SendAllAsync, CancellationToken.None);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>Hosted services stop in reverse order, so this runs after the runs have closed: their last events go out first.</summary>
    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        _outbox.Writer.TryComplete();
        try
        {
            await _sender.WaitAsync(DrainOnStop, cancellationToken);
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            _logger.LogWarning("Stopped before every live event could be sent to the other nodes");
        }

        try
        {
            await _stopping.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // A host disposed before it was stopped (a test host torn down early): nothing is left to stop.
            return;
        }

        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _subscription?.Dispose();
        _stopping.Dispose();
        _publisher.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retry = FirstRetry;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ListenAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // Whatever broke the connection, the listener must come back by itself.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                if (!_listenOutage.IsOngoing)
                {
                    retry = FirstRetry;
                }

                _listenOutage.Failed(ex);
                _instruments.EventBridgeReconnect();
            }

            try
            {
                await Task.Delay(retry, _time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            retry = TimeSpan.FromTicks(Math.Min(retry.Ticks * 2, LastRetry.Ticks));
        }
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        await using var connection = new NpgsqlConnection(_listenerConnectionString);
        connection.Notification += OnNotification;
        await connection.OpenAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(stoppingToken);
        }

        _listenOutage.Succeeded();
        _logger.LogDebug("Listening for live events of other nodes on {Channel} as node {Node}", Channel, NodeId);
        while (true)
        {
            await connection.WaitAsync(stoppingToken);
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (EventPayload.IsFrom(NodeId, args.Payload))
        {
            return;
        }

        var envelope = EventPayload.Deserialize(args.Payload);
        if (envelope is null)
        {
            _logger.LogDebug("Ignored a live event this version cannot read");
            return;
        }

        if (envelope.Node != NodeId)
        {
            _hub.PublishFromPeer(envelope.Event);
        }
    }

    private async Task SendAllAsync()
    {
        var reader = _outbox.Reader;
        var batch = new List<MonitoringEvent>(MaxBatch);
        while (await reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && reader.TryRead(out var monitoringEvent))
            {
                batch.Add(monitoringEvent);
            }

            await SendAsync(batch);
            batch.Clear();
        }
    }

    /// <summary>
    /// The events waiting in the outbox go out together: one round trip and one transaction for all of them (PostgreSQL
    /// delivers them at its commit, in order), instead of one of each per page of every run in flight.
    /// </summary>
    private async Task SendAsync(List<MonitoringEvent> events)
    {
        await using var batch = _publisher.CreateBatch();
        foreach (var monitoringEvent in events)
        {
            var payload = EventPayload.Serialize(NodeId, monitoringEvent);
            if (payload is null)
            {
                _logger.LogWarning("A {Kind} event of run {LogId} is too large to send to other nodes", monitoringEvent.Kind, monitoringEvent.LogId);
                continue;
            }

            var command = new NpgsqlBatchCommand("SELECT pg_notify($1, $2)");
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = Channel });
            command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = payload });
            batch.BatchCommands.Add(command);
        }

        if (batch.BatchCommands.Count == 0)
        {
            return;
        }

        try
        {
            await batch.ExecuteNonQueryAsync(_stopping.Token);
            _sendOutage.Succeeded();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // Live events that cannot be sent are dropped: the runs they report must go on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _sendOutage.Failed(ex);
        }
    }
}
