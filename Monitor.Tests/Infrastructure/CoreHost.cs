using Microsoft.Extensions.DependencyInjection;
using Monitor.Core;
using Monitor.Core.Catalog;
using Monitor.Core.Dispatch;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;

namespace Monitor.Tests.Infrastructure;

/// <summary>Monitor.Core's services as the app registers them (AddMonitorCore), over a test database, without the web host.</summary>
public sealed class CoreHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public CoreHost(TestDatabase database, IEnumerable<KeyValuePair<string, string?>> settings, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var services = new ServiceCollection().AddLogging();
        services.AddMonitorCore(database.BuildConfiguration(settings));
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public IServiceProvider Services => _services;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async Task<Guid> AddProfileAsync(string handle, bool monitoringEnabled = true)
    {
        var result = await Get<ProfileService>().AddAsync(handle, monitoringEnabled, CancellationToken.None);
        Assert.True(result.Status == AddProfileStatus.Created, $"Adding @{handle} gave {result.Status}: {result.Message}");
        return result.Profile!.Id;
    }

    /// <summary>Queues a manual run the way a service call does and executes it to the end.</summary>
    public async Task<RunOutcome> RunOnceAsync(Guid profileId)
    {
        var request = await Get<RunLifecycle>().QueueAsync(profileId, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
        Assert.NotNull(request);
        return await Get<MonitoringRunner>().RunAsync(request.Log.Id, CancellationToken.None);
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
