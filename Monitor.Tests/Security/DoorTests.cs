using System.Net;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>Headers on every kind of answer, and the origin check on the hub and the forms.</summary>
public sealed class DoorTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private MonitorAppFactory? _app;

    private MonitorAppFactory App => _app!;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new() { ["MONITOR_ADMIN_USER"] = "door-admin", ["MONITOR_ADMIN_PASSWORD"] = "door-admin-password" });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/")]
    [InlineData("/api/tiktok/profiles")]
    [InlineData("/health")]
    [InlineData("/app.css")]
    [InlineData("/no/such/page")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = AccountClient.For(App);

        var response = await client.GetAsync(path);

        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]+';", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task Page_ImportMapCarriesThisResponsesNonce()
    {
        using var client = AccountClient.For(App);

        var response = await client.GetAsync("/account/login");
        var html = await response.Content.ReadAsStringAsync();
        var nonce = System.Text.RegularExpressions.Regex.Match(response.Headers.GetValues("Content-Security-Policy").Single(), "'nonce-([^']+)'").Groups[1].Value;

        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("https://evil.example")]
    [InlineData("http://localhost.evil.example")]
    [InlineData("null")]
    public async Task ForeignOrigin_IsRefusedOnTheHubAndTheForms(string origin)
    {
        using var client = AccountClient.For(App);
        await client.SignInAsync("door-admin", "door-admin-password");

        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        negotiate.Headers.Add("Origin", origin);
        using var socket = new HttpRequestMessage(HttpMethod.Get, new Uri("/_blazor?id=x", UriKind.Relative));
        socket.Headers.Add("Origin", origin);
        var hub = await client.Http.SendAsync(negotiate);
        var ws = await client.Http.SendAsync(socket);
        var signIn = await client.PostFormAsync("/account/login", "/account/login", new() { ["UserName"] = "door-admin", ["Password"] = "door-admin-password" }, origin);
        var logout = await client.PostFormAsync("/settings", "/account/logout", [], origin);

        Assert.Equal(HttpStatusCode.Forbidden, hub.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, ws.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, logout.StatusCode);
        Assert.Equal("application/problem+json", hub.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/settings")).StatusCode);
    }

    [Fact]
    public async Task OwnOrigin_IsAccepted()
    {
        using var client = AccountClient.For(App);
        await client.SignInAsync("door-admin", "door-admin-password");
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative));
        negotiate.Headers.Add("Origin", "http://localhost");

        Assert.Equal(HttpStatusCode.OK, (await client.Http.SendAsync(negotiate)).StatusCode);
    }

    [Fact]
    public async Task SignInAttempts_AreRateLimitedPerClient()
    {
        await using var app = new MonitorAppFactory(database, new() { ["Security:SignInPermitLimit"] = "3", ["Security:SignInWindow"] = "00:10:00" });
        using var client = AccountClient.For(app);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.SignInAsync("door-admin", "wrong-password-" + i)).StatusCode);
        }

        var last = await client.SignInAsync("door-admin", "door-admin-password");
        Assert.Equal([HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.Redirect, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, last.StatusCode);
        Assert.NotNull(last.Headers.RetryAfter);
    }
}
