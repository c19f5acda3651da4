namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The app served on a real 127.0.0.1 port over its own SQLite database, shared by one browser test class.
/// Subclass and override <see cref="Settings"/> for a class that needs other configuration.
/// </summary>
public class LiveAppFixture : IAsyncLifetime
{
    private MonitorAppFactory? _factory;

    public SqliteDatabase Database { get; } = new();

    public MonitorAppFactory Factory => _factory ?? throw new InvalidOperationException("The app is not started.");

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    protected virtual Dictionary<string, string?> Settings => [];

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        _factory = new MonitorAppFactory(Database, Settings);
        BaseAddress = _factory.StartKestrel();
    }

    public async Task DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        await Database.DisposeAsync();
    }
}
