using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// The real app (Monitor.Web's Program) over a <see cref="TestDatabase"/>, in the "Testing" environment.
/// <paramref name="settings"/> override anything in appsettings or the environment, e.g.
/// <c>new MonitorAppFactory(database, new() { ["Monitoring:Concurrency"] = "1" })</c>.
/// Use <see cref="WebApplicationFactory{TEntryPoint}.CreateClient()"/> for in-memory HTTP, or
/// <see cref="StartKestrel"/> to serve on a real port for a browser.
/// </summary>
public sealed class MonitorAppFactory(TestDatabase database, Dictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string EnvironmentName = "Testing";

    /// <summary>Applied first, so a test's own settings win: EF's per-command logging would drown the test output.</summary>
    private static readonly Dictionary<string, string?> Defaults = new()
    {
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
    };

    public TestDatabase Database { get; } = database;

    /// <summary>Serves on 127.0.0.1 at a free port and returns the address, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri StartKestrel()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }

    /// <summary>An in-memory client that sends <paramref name="apiKey"/> (the app's MONITOR_API_KEY, or a key made through the API).</summary>
    public HttpClient CreateKeyedClient(string apiKey)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);

        // Outside Development the app would serve static web assets (blazor.web.js, MudBlazor) from a publish
        // folder that a test run does not have; the build's manifest points at them instead.
        builder.UseStaticWebAssets();

        // UseSetting goes in before Program reads its configuration, and above appsettings and the environment.
        foreach (var (key, value) in Defaults.Concat(Database.Configuration).Concat(settings ?? []))
        {
            builder.UseSetting(key, value);
        }
    }
}
