using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Monitoring;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The app as a web node on a scheduling database, as deployed (not Development): <c>QUEUE_NAME=none</c>, so runs are
/// queued and never executed and the answers stay stable, and a configured API key for the API's clients.
/// </summary>
internal static class WebNodeApp
{
    public const string ApiKey = "web-node-test-key";

    public static WebApplicationFactory<Program> Create(SchedulingDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in database.Settings())
            {
                web.UseSetting(key, value);
            }

            web.UseEnvironment(MonitorAppFactory.EnvironmentName);
            web.UseSetting("QUEUE_NAME", "none");
            web.UseSetting("MONITOR_API_KEY", ApiKey);
        });
    }

    /// <summary>A client that sends the node's API key with every request.</summary>
    public static HttpClient CreateKeyedClient(this WebApplicationFactory<Program> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        return client;
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
