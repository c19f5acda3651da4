namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A test class whose app runs as processes of the published app (<see cref="AppProcess"/>, <see cref="ClusterNodes"/>),
/// or beside them: a fresh database and a fake upstream of the class's own, both gone with it.
/// </summary>
public abstract class ProcessTests<TDatabase> : IAsyncLifetime
    where TDatabase : TestDatabase, new()
{
    protected TDatabase Database { get; } = new();

    protected FakeScrapeCreators Upstream { get; } = new();

    public Task InitializeAsync() => Database.InitializeAsync();

    public async Task DisposeAsync()
    {
        Upstream.Dispose();
        await Database.DisposeAsync();
    }
}
