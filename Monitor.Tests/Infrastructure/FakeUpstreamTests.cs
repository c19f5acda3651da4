namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A test class that drives the real client and runner (a <see cref="CoreHost"/> a test makes over
/// <see cref="Database"/> with <see cref="Upstream"/>'s settings) against a fake upstream of the class's own, written once
/// for both databases. The class's database is migrated before its tests run.
/// </summary>
public abstract class FakeUpstreamTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    protected TDatabase Database => database;

    protected FakeScrapeCreators Upstream { get; } = new();

    public virtual Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync()
    {
        Upstream.Dispose();
        return Task.CompletedTask;
    }
}
