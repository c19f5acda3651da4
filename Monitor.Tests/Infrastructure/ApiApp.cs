using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The in-process app (<see cref="MonitorAppFactory"/>) as an API client meets it: <c>MONITOR_API_KEY</c> set to the
/// given key and a <see cref="Client"/> that sends it. Creating it starts the app (which migrates the database). Create it
/// in a test class's InitializeAsync (or derive from <see cref="ApiTests{TDatabase}"/>), or per test as a
/// <see cref="WebNode"/>; pass a fake upstream's <see cref="FakeScrapeCreators.Settings"/> among the settings.
/// </summary>
public sealed class ApiApp : IAsyncDisposable
{
    public const string WebNodeApiKey = "web-node-test-key";

    public ApiApp(TestDatabase database, string apiKey, Dictionary<string, string?>? settings = null)
    {
        Factory = new MonitorAppFactory(database, new Dictionary<string, string?>(settings ?? []) { ["MONITOR_API_KEY"] = apiKey });
        Client = Factory.CreateKeyedClient(apiKey);
    }

    public MonitorAppFactory Factory { get; }

    /// <summary>Sends the API key with every request.</summary>
    public HttpClient Client { get; }

    public IServiceProvider Services => Factory.Services;

    /// <summary>
    /// The app as a web node on a scheduling database: <c>QUEUE_NAME=none</c>, so runs are queued and never executed and
    /// the answers stay stable.
    /// </summary>
    public static ApiApp WebNode(SchedulingDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = database.Settings();
        settings["QUEUE_NAME"] = "none";
        return new ApiApp(database.Database, WebNodeApiKey, settings);
    }

    /// <summary>Stores a profile straight in the app's database (no upstream lookup), monitoring off.</summary>
    public async Task<Guid> StoreProfileAsync(string handle)
    {
        var profile = new TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using var db = await Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
    }
}
