using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Benchmarks;

/// <summary>
/// The whole app (Monitor.Web's Program: pages, API, and with <c>QUEUE_NAME=all</c> the worker) in this process on a
/// real 127.0.0.1 port, over a <see cref="BenchDatabase"/>: one node, whose GC heap this process can read.
/// Loopback requests act as an admin (no sign-in) and <see cref="ApiKey"/> opens the API. (The factory's type argument
/// only names Monitor.Web's assembly: its <c>Program</c> has the same name as this project's.)
/// </summary>
internal sealed class BenchWebApp(BenchDatabase database, IEnumerable<KeyValuePair<string, string?>> settings) : WebApplicationFactory<Monitor.Web.Components.App>
{
    public const string ApiKey = "bench-api-key-0123456789";

    public Uri Start()
    {
        UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.First().TrimEnd('/') + "/");
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Benchmark");

        // The build's static web assets (blazor.web.js, MudBlazor): there is no publish folder.
        builder.UseStaticWebAssets();
        var keys = new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "None",
            ["Security:AllowLoopbackWithoutSignIn"] = "true",
            ["Security:ApiPermitLimit"] = "1000000",
            ["MONITOR_API_KEY"] = ApiKey,

            // An account exists, so no page leads to the first-start setup.
            ["MONITOR_ADMIN_USER"] = "bench-admin",
            ["MONITOR_ADMIN_PASSWORD"] = "bench-admin-password-1",
        };
        foreach (var (key, value) in database.Configuration.AsEnumerable().Concat(settings))
        {
            keys[key] = value;
        }

        foreach (var (key, value) in keys)
        {
            builder.UseSetting(key, value);
        }
    }
}
