namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The in-process app (<see cref="MonitorAppFactory"/>) as an API client meets it: <c>MONITOR_API_KEY</c> set to the
/// given key and a <see cref="Client"/> that sends it. Creating it starts the app (which migrates the database). Create it
/// in a test class's InitializeAsync, dispose it in DisposeAsync; pass a fake upstream's
/// <see cref="FakeScrapeCreators.Settings"/> among the settings.
/// </summary>
public sealed class ApiApp : IAsyncDisposable
{
    public ApiApp(TestDatabase database, string apiKey, Dictionary<string, string?>? settings = null)
    {
        Factory = new MonitorAppFactory(database, new Dictionary<string, string?>(settings ?? []) { ["MONITOR_API_KEY"] = apiKey });
        Client = Factory.CreateKeyedClient(apiKey);
    }

    public MonitorAppFactory Factory { get; }

    /// <summary>Sends the API key with every request.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
