using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.ApiKeys;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>
/// The rule routes with the keys of workspaces A (the first) and B sharing a profile: each key reads and changes its own
/// workspace's rules and thresholds only; B's are out of A's reach (4xx) and unchanged by A's changes.
/// </summary>
public abstract class WorkspaceAlertApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string EnvironmentKey = "test-api-key-wsalerts-0123456789";
    private ApiApp _app = default!;
    private Guid _workspaceB;
    private Guid _shared;
    private Guid _onlyB;
    private HttpClient _a = default!;
    private HttpClient _b = default!;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new ApiApp(database, EnvironmentKey);
        var services = _app.Services;
        _workspaceB = (await services.GetRequiredService<WorkspaceService>()
            .CreateAsync(new WorkspaceScope(), new WorkspaceInput("Bravo " + Guid.NewGuid().ToString("N")[..8], null), CancellationToken.None)).Value!.Id;
        _shared = await _app.StoreProfileAsync("shared.rules");
        _onlyB = await _app.StoreProfileAsync("bravo.rules");
        var keys = services.GetRequiredService<ApiKeyService>();
        var keyA = await keys.CreateAsync("key of A", "test", CancellationToken.None);
        var keyB = await keys.CreateAsync("key of B", "test", CancellationToken.None);
        await using (var db = database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            db.WorkspaceProfiles.AddRange(
                new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = _shared, AddedAt = now },
                new WorkspaceProfile { WorkspaceId = _workspaceB, ProfileId = _shared, AddedAt = now },
                new WorkspaceProfile { WorkspaceId = _workspaceB, ProfileId = _onlyB, AddedAt = now });
            await db.SaveChangesAsync();
            await db.ApiKeys.Where(k => k.Id == keyA.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.WorkspaceId, WorkspaceDefaults.FirstId));
            await db.ApiKeys.Where(k => k.Id == keyB.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.WorkspaceId, _workspaceB));
        }

        _a = _app.Factory.CreateKeyedClient(keyA.PlainKey);
        _b = _app.Factory.CreateKeyedClient(keyB.PlainKey);
    }

    public async Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task SharedProfile_AsThresholds_AreAsAlone()
    {
        var set = await _a.PutAsJsonAsync($"/api/notifications/profiles/{_shared}/thresholds", new { growthPercent = 20, growthViews = 500 });
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);

        var ofA = await _a.GetFromJsonAsync<JsonElement>($"/api/notifications/profiles/{_shared}/thresholds");
        var ofB = await _b.GetFromJsonAsync<JsonElement>($"/api/notifications/profiles/{_shared}/thresholds");
        Assert.Equal((20d, WorkspaceDefaults.FirstId), (ofA.GetProperty("growthPercent").GetDouble(), ofA.GetProperty("workspaceId").GetGuid()));
        Assert.Equal(JsonValueKind.Null, ofB.GetProperty("growthPercent").ValueKind);
        Assert.Equal(JsonValueKind.Null, ofB.GetProperty("growthViews").ValueKind);
        Assert.Equal(_workspaceB, ofB.GetProperty("workspaceId").GetGuid());
    }

    [Fact]
    public async Task KeyOfA_CannotReadOrChangeBsRules()
    {
        Assert.Equal(HttpStatusCode.OK, (await _b.PutAsJsonAsync("/api/notifications/rules", new { failuresBeforeAlert = 5, growthPercent = 75 })).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await _a.GetAsync(new Uri($"/api/notifications/profiles/{_onlyB}/thresholds", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _a.PutAsJsonAsync($"/api/notifications/profiles/{_onlyB}/thresholds", new { growthPercent = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _a.GetAsync(new Uri($"/api/notifications/rules?workspace={_workspaceB}", UriKind.Relative))).StatusCode);
        using (var request = new HttpRequestMessage(HttpMethod.Put, "/api/notifications/rules") { Content = JsonContent.Create(new { failuresBeforeAlert = 1 }) })
        {
            request.Headers.Add("X-Workspace", _workspaceB.ToString());
            Assert.Equal(HttpStatusCode.NotFound, (await _a.SendAsync(request)).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Forbidden, (await _a.PutAsJsonAsync("/api/notifications/settings", new { failuresBeforeAlert = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _a.PutAsJsonAsync("/api/notifications/rules", new { growthPercent = -1 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _a.PutAsJsonAsync("/api/notifications/rules", new { failuresBeforeAlert = 2, bogus = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _a.PutAsJsonAsync("/api/notifications/rules", new { failuresBeforeAlert = 2 })).StatusCode);

        var ofB = await _b.GetFromJsonAsync<JsonElement>("/api/notifications/rules");
        var ofA = await _a.GetFromJsonAsync<JsonElement>("/api/notifications/rules");
        Assert.Equal((_workspaceB, 5, 75d), (ofB.GetProperty("workspaceId").GetGuid(), ofB.GetProperty("failuresBeforeAlert").GetInt32(), ofB.GetProperty("growthPercent").GetDouble()));
        Assert.Equal((WorkspaceDefaults.FirstId, 2), (ofA.GetProperty("workspaceId").GetGuid(), ofA.GetProperty("failuresBeforeAlert").GetInt32()));
        Assert.Equal(JsonValueKind.Null, ofA.GetProperty("growthPercent").ValueKind);
    }
}

public sealed class PostgresWorkspaceAlertApiTests(PostgresDatabase database) : WorkspaceAlertApiTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceAlertApiTests(SqliteDatabase database) : WorkspaceAlertApiTests<SqliteDatabase>(database);
