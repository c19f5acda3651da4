using System.Net;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>Security:AllowLoopbackWithoutSignIn, over a real socket from 127.0.0.1.</summary>
public sealed class LoopbackTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task Loopback_OptionOff_StillNeedsSignIn()
    {
        await using var app = new MonitorAppFactory(database);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.StartKestrel() };

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Loopback_OptionOn_OpensPagesAsLocalAdmin_ButNotThroughAProxy()
    {
        await using var app = new MonitorAppFactory(database, new() { ["Security:AllowLoopbackWithoutSignIn"] = "true" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.StartKestrel() };
        using var proxied = new HttpRequestMessage(HttpMethod.Get, new Uri("/", UriKind.Relative));
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var direct = await client.GetAsync(new Uri("/settings", UriKind.Relative));
        var viaProxy = await client.SendAsync(proxied);
        var api = await client.GetAsync(new Uri("/api/tiktok/profiles", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, direct.StatusCode);
        Assert.Contains("data-testid=\"signed-in-user\"", await direct.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, viaProxy.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }
}
