using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The in-process app (<see cref="MonitorAppFactory"/>) as a web node on a scheduling database: <c>QUEUE_NAME=none</c>, so runs are
/// queued and never executed and the answers stay stable, and a configured API key for the API's clients.
/// </summary>
internal static class WebNodeApp
{
    public const string ApiKey = "web-node-test-key";

    public static MonitorAppFactory Create(SchedulingDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var settings = database.Settings();
        settings["QUEUE_NAME"] = "none";
        settings["MONITOR_API_KEY"] = ApiKey;
        return new MonitorAppFactory(database.Database, settings);
    }

    /// <summary>A client that sends the node's API key with every request.</summary>
    public static HttpClient CreateKeyedClient(this MonitorAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.CreateKeyedClient(ApiKey);
    }

    /// <summary>Stores a profile straight in the node's database (no upstream lookup), monitoring off.</summary>
    public static async Task<Guid> AddProfileAsync(this WebApplicationFactory<Program> factory, string handle)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var profile = new TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }
}
