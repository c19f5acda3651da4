using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>Security:RequireHttps: HTTP is redirected, HTTPS answers carry HSTS; off by default.</summary>
public sealed class HttpsTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    [Fact]
    public async Task RequireHttps_RedirectsHttp_AndSendsHsts()
    {
        await using var app = new MonitorAppFactory(database, new() { ["Security:RequireHttps"] = "true", ["Security:HttpsPort"] = "443" });
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        using var https = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost/") });

        var redirected = await http.GetAsync(new Uri("/account/login", UriKind.Relative));
        var secure = await https.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, redirected.StatusCode);
        Assert.Equal("https://localhost/account/login", redirected.Headers.Location!.ToString());
        Assert.StartsWith("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ByDefault_HttpIsServed_WithoutHsts()
    {
        await using var app = new MonitorAppFactory(database);
        using var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await http.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }
}
