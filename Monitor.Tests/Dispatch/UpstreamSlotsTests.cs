using Microsoft.Extensions.Options;
using Monitor.Core.Dispatch;
namespace Monitor.Tests.Dispatch;

public sealed class UpstreamSlotsTests
{
    [Fact]
    public async Task FreedSlot_GoesToAWaitingManualRunFirst_ThenToTheOthersInOrder_AndACancelledWaiterTakesNone()
    {
        var slots = new UpstreamSlots(Options.Create(new MonitoringOptions { Concurrency = 1 }));
        var order = new List<string>();
        var holder = new TaskCompletionSource<int>();
        var held = slots.CallAsync(_ => holder.Task, manual: false, CancellationToken.None);

        Task<int> Queue(string name, bool manual, CancellationToken token = default) =>
            slots.CallAsync(_ =>
            {
                lock (order)
                {
                    order.Add(name);
                }

                return Task.FromResult(0);
            }, manual, token);

        var first = Queue("scheduled 1", manual: false);
        using var cancel = new CancellationTokenSource();
        var abandoned = Queue("cancelled", manual: false, cancel.Token);
        var second = Queue("scheduled 2", manual: false);
        var manual = Queue("manual", manual: true);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned);
        Assert.Empty(order);

        holder.SetResult(0);
        await Task.WhenAll(held, first, second, manual);

        Assert.Equal(["manual", "scheduled 1", "scheduled 2"], order);
        Assert.Equal(4, slots.Calls);
    }

    [Theory]
    [InlineData(0, 3)]
    [InlineData(null, 1)]
    public async Task OnlyRunsAhead_CapTheCalls_WithoutThemTheRunLimitIsTheCap(int? runsAhead, int insideAtOnce)
    {
        var slots = new UpstreamSlots(Options.Create(new MonitoringOptions { Concurrency = 1, RunsAhead = runsAhead }));
        var gate = new TaskCompletionSource<int>();
        var inside = 0;
        var calls = Enumerable.Range(0, 3).Select(_ => slots.CallAsync(async _ =>
        {
            Interlocked.Increment(ref inside);
            return await gate.Task;
        }, manual: false, CancellationToken.None)).ToList();

        Assert.Equal(insideAtOnce, Volatile.Read(ref inside));
        gate.SetResult(1);
        var results = await Task.WhenAll(calls);
        Assert.Equal([1, 1, 1], results);
        Assert.Equal(3, slots.Calls);
    }
}
