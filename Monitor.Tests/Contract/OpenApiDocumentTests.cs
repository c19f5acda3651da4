using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Contract;

/// <summary>The OpenAPI document describes the whole REST API in the seed's names, and the reference page serves it.</summary>
public sealed class OpenApiDocumentTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>, IAsyncLifetime
{
    private static readonly string[] SeedFieldNames =
    [
        // posts and history entries
        "awemeId", "viewCount", "likeCount", "shareCount", "commentCount", "saveCount", "metricsHistory", "recordedAt",
        // profiles
        "handle", "monitoringEnabled", "lastMonitoringRun", "nextMonitoringRun",
        "totalPosts", "totalViews", "totalLikes", "totalShares", "totalComments", "totalSaves",
        // monitoring status and logs
        "enabled", "logs", "currentRun", "status", "startedAt", "completedAt", "postsScraped", "pagesScraped", "error",
    ];

    private MonitorAppFactory? _app;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new() { ["MONITOR_ADMIN_USER"] = "docs-reader", ["MONITOR_ADMIN_PASSWORD"] = "docs-reader-password" });
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
    public async Task Document_ListsEveryApiRoute()
    {
        var document = await ReadDocumentAsync();
        var paths = document.GetProperty("paths");

        var routes = _app!.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Select(m => (Path: OpenApiPath(e.RoutePattern.RawText!), Method: m)))
            .ToList();

        Assert.True(routes.Count >= 12, $"only {routes.Count} API routes found");
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var operations), $"{path} is missing from the OpenAPI document");
            Assert.True(operations.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is missing from the OpenAPI document");
        }
    }

    [Fact]
    public async Task Document_NamesEverySeedField_AndTheKeyScheme()
    {
        var document = await ReadDocumentAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var properties = schemas.EnumerateObject()
            .Where(s => s.Value.TryGetProperty("properties", out _))
            .SelectMany(s => s.Value.GetProperty("properties").EnumerateObject().Select(p => p.Name))
            .ToHashSet(StringComparer.Ordinal);

        Assert.All(SeedFieldNames, name => Assert.Contains(name, properties));
        Assert.DoesNotContain("views", properties);

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Single().Value;
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("X-Api-Key", scheme.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Document_DescribesProblemAnswersAndExamples()
    {
        var document = await ReadDocumentAsync();
        var add = document.GetProperty("paths").GetProperty("/api/tiktok/profiles").GetProperty("post");
        var responses = add.GetProperty("responses");

        foreach (var status in new[] { "201", "400", "401", "404", "409", "422" })
        {
            Assert.True(responses.TryGetProperty(status, out _), $"POST /api/tiktok/profiles does not document {status}");
        }

        Assert.True(responses.GetProperty("409").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var example = add.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.StartsWith("@", example.GetProperty("handle").GetString(), StringComparison.Ordinal);

        var bulk = document.GetProperty("paths").GetProperty("/api/tiktok/posts/bulk").GetProperty("post");
        var bulkExample = bulk.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("example");
        Assert.True(bulkExample.GetProperty("posts")[0].TryGetProperty("viewCount", out _));
    }

    [Fact]
    public async Task ReferenceAndDocument_Anonymous_RedirectToSignIn()
    {
        using var client = Security.AccountClient.For(_app!);

        var page = await client.GetAsync("/api-reference/");
        var document = await client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, document.StatusCode);
        Assert.StartsWith("/account/login", document.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReferencePage_IsServedFromTheApp()
    {
        using var client = await SignedInClientAsync();

        var page = await client.Http.GetAsync(new Uri("/api-reference/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("openapi/v1.json", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.jsdelivr.net", html, StringComparison.Ordinal);
    }

    private async Task<JsonElement> ReadDocumentAsync()
    {
        using var client = await SignedInClientAsync();
        return await client.Http.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
    }

    /// <summary>The reference and the document are pages like the others: behind sign-in.</summary>
    private async Task<Security.AccountClient> SignedInClientAsync()
    {
        var client = Security.AccountClient.For(_app!);
        await client.SignInAsync("docs-reader", "docs-reader-password");
        return client;
    }

    // Route constraints ({id:guid}) are not part of an OpenAPI path.
    private static string OpenApiPath(string route) =>
        System.Text.RegularExpressions.Regex.Replace(route, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');
}
