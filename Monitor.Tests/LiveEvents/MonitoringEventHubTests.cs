using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Monitor.Core.LiveEvents;
using Monitor.Core.Runs;
namespace Monitor.Tests.LiveEvents;

public sealed class MonitoringEventHubTests
{
    [Fact]
    public async Task Publish_ThrowingAndBlockedSubscribers_NeitherSlowsPublisherNorStarvesOthers()
    {
        var hub = new MonitoringEventHub(NullLogger<MonitoringEventHub>.Instance);
        var blocker = new TaskCompletionSource();
        var received = 0;
        var allReceived = new TaskCompletionSource();
        using var throwing = hub.Subscribe(_ => throw new InvalidOperationException("broken circuit"));
        using var blocked = hub.Subscribe(_ => blocker.Task);
        using var healthy = hub.Subscribe(_ =>
        {
            if (Interlocked.Increment(ref received) == 100)
            {
                allReceived.SetResult();
            }

            return Task.CompletedTask;
        });

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 100; i++)
        {
            hub.Publish(new MonitoringEvent(MonitoringEventKind.PageCompleted, Guid.NewGuid(), i, MonitoringTrigger.Manual, 1, i, i, DateTime.UtcNow));
        }

        watch.Stop();
        await allReceived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        blocker.SetResult();

        Assert.True(watch.ElapsedMilliseconds < 500, $"100 publishes took {watch.ElapsedMilliseconds} ms");
        Assert.Equal(100, received);
    }
}
