using Microsoft.Extensions.Hosting;

namespace Monitor.Core.Posts.History;

/// <summary>At start (after the migration, which Program runs before the host starts): the partitions ahead exist.</summary>
internal sealed class HistoryPartitionsStartup(HistoryPartitionMaintainer maintainer) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken) => await maintainer.EnsureAheadAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
