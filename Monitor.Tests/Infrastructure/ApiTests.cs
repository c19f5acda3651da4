namespace Monitor.Tests.Infrastructure;

/// <summary>
/// A test class of the REST API, written once for both databases: the in-process app (<see cref="ApiApp"/>) over the
/// class's database, emptied of profiles before it starts, with a fake upstream of the class's own. Script
/// <see cref="Upstream"/> or add <see cref="Settings"/> before the app starts by overriding <see cref="InitializeAsync"/>.
/// </summary>
public abstract class ApiTests<TDatabase>(TDatabase database, string apiKey) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private ApiApp? _app;

    protected TDatabase Database => database;

    protected FakeScrapeCreators Upstream { get; } = new();

    protected ApiApp App => _app ?? throw new InvalidOperationException("The app is not started: InitializeAsync has not run.");

    /// <summary>Sends the API key with every request.</summary>
    protected HttpClient Client => App.Client;

    /// <summary>The app's settings beyond the upstream's.</summary>
    protected Dictionary<string, string?> Settings { get; } = [];

    public virtual async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        var settings = Upstream.Settings;
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _app = new ApiApp(database, apiKey, settings);
    }

    public virtual async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        Upstream.Dispose();
    }
}
