using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Contract;

/// <summary>A client generator fetches the OpenAPI document with the API key it will use; a browser still has to sign in.</summary>
public sealed class OpenApiKeyAccessTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private const string Key = "k7Qx2PzR-openapi-document-0123456789";
    private static readonly Uri Document = new("/openapi/v1.json", UriKind.Relative);
    private MonitorAppFactory? _app;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new() { ["MONITOR_API_KEY"] = Key });
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
    public async Task Document_WithApiKey_AnswersJson()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.True(json.RootElement.GetProperty("paths").TryGetProperty("/api/tiktok/profiles", out _));
    }

    [Fact]
    public async Task Document_WithoutKey_StillSendsTheBrowserToSignIn()
    {
        using var client = Client();

        var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Document_WithWrongKey_Unauthorized()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", "k7Qx2PzR-not-the-key-000000000000");

        var response = await client.GetAsync(Document);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ReferencePage_WithApiKeyOnly_StillSendsToSignIn()
    {
        using var client = Client();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);

        var response = await client.GetAsync(new Uri("/api-reference", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private HttpClient Client() => _app!.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
}
