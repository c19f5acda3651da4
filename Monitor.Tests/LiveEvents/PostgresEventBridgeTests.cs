using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.Data;
using Monitor.Core.LiveEvents;
using Monitor.Core.Runs;
using Monitor.Core.Telemetry;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.LiveEvents;

/// <summary>
/// Two nodes' bridges on one PostgreSQL database: a burst of one node's events (sent together, several a round trip)
/// reaches the other node's hub whole and in order, and a node never hears its own events back.
/// </summary>
public sealed class PostgresEventBridgeTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _metrics.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task BurstOfPageEvents_OtherNode_ReceivesEveryEventInOrder()
    {
        var sender = new MonitoringEventHub(NullLogger<MonitoringEventHub>.Instance);
        var receiver = new MonitoringEventHub(NullLogger<MonitoringEventHub>.Instance);
        using var sending = Bridge(sender);
        using var receiving = Bridge(receiver);
        var heard = new ConcurrentQueue<MonitoringEvent>();
        var echoed = new ConcurrentQueue<MonitoringEvent>();
        using var onReceiver = receiver.Subscribe(e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });
        using var onSender = sender.Subscribe(e =>
        {
            echoed.Enqueue(e);
            return Task.CompletedTask;
        });
        await sending.StartAsync(CancellationToken.None);
        await receiving.StartAsync(CancellationToken.None);
        // The listener connects in the background: a probe until it is heard says it listens.
        await WaitUntilAsync(() =>
        {
            sender.Publish(Event(logId: 0, page: 0));
            return Task.FromResult(heard.Any(e => e.LogId == 0));
        });

        for (var page = 1; page <= 200; page++)
        {
            sender.Publish(Event(logId: 1, page));
        }

        await WaitUntilAsync(() => Task.FromResult(heard.Count(e => e.LogId == 1) == 200));
        Assert.Equal(Enumerable.Range(1, 200), heard.Where(e => e.LogId == 1).Select(e => e.PagesScraped));
        // The sender's own subscriber got each event once, from its hub; none came back through PostgreSQL.
        Assert.Equal(200, echoed.Count(e => e.LogId == 1));
        await sending.StopAsync(CancellationToken.None);
        await receiving.StopAsync(CancellationToken.None);
    }

    private PostgresEventBridge Bridge(MonitoringEventHub hub) => new(
        hub,
        new DatabaseSettings(DatabaseProvider.Postgres, _database.ConnectionString, Path.GetTempPath()),
        TimeProvider.System,
        NullLogger<PostgresEventBridge>.Instance,
        new MonitorInstruments(_metrics.GetRequiredService<IMeterFactory>(), new Lazy<ITelemetryStateSource>(() => throw new InvalidOperationException("Not observed here."))));

    private static MonitoringEvent Event(long logId, int page) => new(
        MonitoringEventKind.PageCompleted, Guid.NewGuid(), logId, MonitoringTrigger.Manual, 1, page, page * 30, DateTime.UtcNow, Status: MonitoringStatus.Running);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Not heard within 30 s.");
            await Task.Delay(50);
        }
    }
}
