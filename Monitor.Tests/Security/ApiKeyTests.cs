using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core.ApiKeys;
using Monitor.Core.Settings;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Scraping;

namespace Monitor.Tests.Security;

/// <summary>Named API keys on both databases: created, used, revoked, limited; never stored or logged in plain text.</summary>
public abstract class ApiKeyTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ConfiguredKey = "k7Qx2PzR-configured-0123456789";
    private static readonly Uri Profiles = new("/api/tiktok/profiles", UriKind.Relative);
    private readonly CapturingLoggerProvider _logs = new();
    private MonitorAppFactory? _app;

    private MonitorAppFactory App => _app!;

    private ApiKeyService Keys => App.Services.GetRequiredService<ApiKeyService>();

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_API_KEY"] = ConfiguredKey,
            ["Security:ApiPermitLimit"] = "5",
            ["Security:ApiWindow"] = "00:10:00",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task CreatedKey_Works_RecordsLastUse_AndRevocationStopsItAtOnce()
    {
        var created = await Keys.CreateAsync("reporting script", "someone", CancellationToken.None);
        using var client = ClientWith(created.PlainKey);

        var before = await client.GetAsync(Profiles);
        var listed = Assert.Single(await Keys.ListAsync(CancellationToken.None), k => k.Id == created.Key.Id);
        var revoked = await Keys.RevokeAsync(created.Key.Id, CancellationToken.None);
        var after = await client.GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.NotNull(listed.LastUsedAt);
        Assert.True(revoked);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CreatedKey_IsStoredOnlyAsItsHash()
    {
        var created = await Keys.CreateAsync("stored", null, CancellationToken.None);

        await using var db = database.CreateDbContext();
        var row = await db.ApiKeys.SingleAsync(k => k.Id == created.Key.Id);
        var settings = await db.AppSettings.ToListAsync();

        Assert.Equal(ApiKeyHasher.Hash(created.PlainKey), row.Hash);
        Assert.DoesNotContain(settings, s => s.Value.Contains(created.PlainKey, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ConfiguredKey_StillWorks_WrongOrPaddedKeysAre401()
    {
        using var configured = ClientWith(ConfiguredKey);
        using var wrong = ClientWith(ConfiguredKey[..^1] + "X");
        using var longer = ClientWith(ConfiguredKey + "0");

        Assert.Equal(HttpStatusCode.OK, (await configured.GetAsync(Profiles)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await wrong.GetAsync(Profiles)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await longer.GetAsync(Profiles)).StatusCode);
        Assert.Null(await Keys.AuthenticateAsync(" " + ConfiguredKey, CancellationToken.None));
        Assert.Null(await Keys.AuthenticateAsync(ConfiguredKey + " ", CancellationToken.None));
    }

    [Fact]
    public async Task KeyedAnswers_AreNoStore_WithSecurityHeaders()
    {
        using var client = ClientWith(ConfiguredKey);

        var response = await client.GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FortyMegabyteBody_Is413ProblemDetails()
    {
        using var client = ClientWith(ConfiguredKey);
        using var body = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        body.Headers.ContentType = new("application/json");

        var response = await client.PostAsync(new Uri("/api/tiktok/posts/bulk", UriKind.Relative), body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(413, problem.GetProperty("status").GetInt32());
        Assert.Contains("at most", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PerKeyRateLimit_429WithRetryAfter_OtherKeysUnaffected()
    {
        var busy = await Keys.CreateAsync("busy", null, CancellationToken.None);
        var quiet = await Keys.CreateAsync("quiet", null, CancellationToken.None);
        using var busyClient = ClientWith(busy.PlainKey);
        using var quietClient = ClientWith(quiet.PlainKey);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 6; i++)
        {
            limited = await busyClient.GetAsync(Profiles);
            statuses.Add(limited.StatusCode);
        }

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5).Append(HttpStatusCode.TooManyRequests), statuses);
        Assert.True(limited!.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, (await quietClient.GetAsync(Profiles)).StatusCode);
    }

    [Fact]
    public async Task WrongKeyFlood_IsThrottled_NotAllAnswered401()
    {
        // Its own app: the flood spends this client's whole allowance of wrong keys for the window.
        await using var app = new MonitorAppFactory(database, new() { ["MONITOR_API_KEY"] = ConfiguredKey });
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "guess-0000000000000000");
        var started = DateTime.UtcNow;

        var responses = await Task.WhenAll(Enumerable.Range(0, 2000).Select(_ => client.GetAsync(Profiles)));
        var statuses = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());

        // Not a timing target: a flood answered from the limiter finishes; one that waits on each wrong key would not.
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(120));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.TooManyRequests) >= 1900, string.Join(", ", statuses));
        Assert.True(statuses.GetValueOrDefault(HttpStatusCode.Unauthorized) <= 20, string.Join(", ", statuses));
        Assert.All(responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests), r => Assert.NotNull(r.Headers.RetryAfter));
    }

    [Fact]
    public async Task SignedInCookie_IsNotAnApiCredential()
    {
        using var browser = AccountClient.For(App);
        Assert.True((await App.Services.GetRequiredService<Monitor.Core.Accounts.AccountService>()
            .CreateAsync("api-cookie-admin", "api-cookie-password", Monitor.Core.Accounts.MonitorRoles.Admin, CancellationToken.None)).Succeeded);
        await browser.SignInAsync("api-cookie-admin", "api-cookie-password");

        var response = await browser.Http.GetAsync(Profiles);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Keys_NeverReachTheLog()
    {
        await using var app = new MonitorAppFactory(database, new() { ["MONITOR_API_KEY"] = ConfiguredKey, ["Logging:LogLevel:Default"] = "Trace" });
        await using var withLogs = app.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(_logs)));
        var keys = withLogs.Services.GetRequiredService<ApiKeyService>();
        var created = await keys.CreateAsync("logged?", null, CancellationToken.None);
        using var client = withLogs.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", created.PlainKey);
        using var configured = withLogs.CreateClient();
        configured.DefaultRequestHeaders.Add("X-Api-Key", ConfiguredKey);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Profiles)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await configured.GetAsync(Profiles)).StatusCode);
        await keys.RevokeAsync(created.Key.Id, CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Profiles)).StatusCode);

        Assert.NotEmpty(_logs.Lines);
        Assert.DoesNotContain(created.PlainKey, _logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfiguredKey, _logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SettingsPage_NeverShowsAnExistingKey()
    {
        var created = await Keys.CreateAsync("not shown again", null, CancellationToken.None);
        Assert.True((await App.Services.GetRequiredService<Monitor.Core.Accounts.AccountService>()
            .CreateAsync("settings-admin", "settings-password", Monitor.Core.Accounts.MonitorRoles.Admin, CancellationToken.None)).Succeeded);
        using var browser = AccountClient.For(App);
        await browser.SignInAsync("settings-admin", "settings-password");

        var html = await (await browser.GetAsync("/settings")).Content.ReadAsStringAsync();

        Assert.Contains("Settings", html, StringComparison.Ordinal);
        Assert.DoesNotContain(created.PlainKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfiguredKey, html, StringComparison.Ordinal);
        Assert.DoesNotContain(ConfiguredKey[..8], html, StringComparison.Ordinal);
    }

    private HttpClient ClientWith(string key)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.TryAddWithoutValidation("X-Api-Key", key);
        return client;
    }
}

public sealed class PostgresApiKeyTests(PostgresDatabase database) : ApiKeyTests<PostgresDatabase>(database);

public sealed class SqliteApiKeyTests(SqliteDatabase database) : ApiKeyTests<SqliteDatabase>(database);
