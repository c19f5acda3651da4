using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Endpoints;

/// <summary>The keyed API over a test database, with profiles created straight in the database (no upstream needed).</summary>
public abstract class ApiLimitsTestBase<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "limits-api-key-0123456789";
    private ApiApp? _app;

    protected TDatabase Database { get; } = database;

    protected HttpClient Client => _app!.Client;

    protected IServiceProvider Services => _app!.Services;

    public async Task InitializeAsync()
    {
        _app = new ApiApp(Database, ApiKey);
        await using var db = Database.CreateDbContext();
        await db.Profiles.ExecuteDeleteAsync();
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    protected async Task<Guid> AddProfileAsync(string handle = "limits.creator")
    {
        await using var db = Database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    protected async Task<HttpResponseMessage> GetAsync(string url) => await Client.GetAsync(new Uri(url, UriKind.Relative));

    /// <summary>A 4xx answered as problem details (never a 5xx, never a bare status), and its body.</summary>
    protected static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.BadRequest)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
