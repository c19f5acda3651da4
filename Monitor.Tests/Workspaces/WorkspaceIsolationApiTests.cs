using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.ApiKeys;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// A key of workspace A against every /api route of the running app (read from its endpoint data source, so a route
/// added later is in the matrix without a line here): B's profile and group never show, B's ids answer no success,
/// and B's data is unchanged afterwards. Also: one profile added by two workspaces stays one row.
/// </summary>
public abstract partial class WorkspaceIsolationApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string EnvironmentKey = "test-api-key-workspaces-0123456789";
    private const string HandleOfB = "bravo.secret";
    private const string GroupOfB = "Bravo rivals";
    private readonly FakeScrapeCreators _upstream = new();
    private ApiApp? _app;
    private Guid _workspaceB;
    private Guid _profileA;
    private Guid _profileB;
    private Guid _groupB;
    private string _keyA = "";
    private string _keyB = "";

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new ApiApp(database, EnvironmentKey, _upstream.Settings);
        var services = _app.Services;
        var created = await services.GetRequiredService<WorkspaceService>()
            .CreateAsync(new WorkspaceScope(), new WorkspaceInput("Bravo " + Guid.NewGuid().ToString("N")[..8], null), CancellationToken.None);
        _workspaceB = created.Value!.Id;

        var now = DateTime.UtcNow;
        var alpha = new TiktokProfile { Handle = "alpha.open" + Random.Shared.Next(1000), CreatedAt = now, UpdatedAt = now };
        var bravo = new TiktokProfile { Handle = HandleOfB, CreatedAt = now, UpdatedAt = now };
        var group = new ProfileGroup { Name = GroupOfB, NormalizedName = GroupOfB.ToUpperInvariant(), WorkspaceId = _workspaceB, CreatedAt = now, UpdatedAt = now };
        await using (var db = database.CreateDbContext())
        {
            db.Profiles.Add(alpha);
            db.Profiles.Add(bravo);
            db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = alpha.Id, AddedAt = now });
            db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = _workspaceB, ProfileId = bravo.Id, AddedAt = now });
            db.ProfileGroups.Add(group);
            group.Members.Add(new ProfileGroupMember { GroupId = group.Id, ProfileId = bravo.Id });
            await db.SaveChangesAsync();
        }

        _profileA = alpha.Id;
        _profileB = bravo.Id;
        _groupB = group.Id;
        var keys = services.GetRequiredService<ApiKeyService>();
        _keyA = (await keys.CreateAsync("key of A", "test", CancellationToken.None)).PlainKey;
        var keyB = await keys.CreateAsync("key of B", "test", CancellationToken.None);
        _keyB = keyB.PlainKey;
        await using (var db = database.CreateDbContext())
        {
            await db.ApiKeys.Where(k => k.Id == keyB.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.WorkspaceId, _workspaceB));
        }
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _upstream.Dispose();
    }

    [Fact]
    public async Task EveryRoute_KeyOfA_NeverShowsOrChangesWorkspaceB()
    {
        using var client = _app!.Factory.CreateKeyedClient(_keyA);
        var routes = ApiRoutes(_app.Services);
        Assert.Contains(routes, r => r.Pattern == "/api/tiktok/workspaces/{id:guid}/members");
        var failures = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            var ids = pattern.Contains('{', StringComparison.Ordinal) ? new[] { _profileB, _groupB, _workspaceB } : [Guid.Empty];
            foreach (var id in ids)
            {
                var uri = new Uri(Parameter().Replace(pattern, m => m.Groups["c"].Value switch
                {
                    "guid" => id.ToString(),
                    "long" or "int" => "1",
                    _ => "x",
                }), UriKind.Relative);
                using var request = new HttpRequestMessage(new HttpMethod(method), uri);
                if (method is "POST" or "PUT" or "PATCH")
                {
                    request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var status = (int)response.StatusCode;
                if (status >= 500)
                {
                    failures.Add($"{method} {uri}: {status}");
                }
                else if (body.Contains(HandleOfB, StringComparison.OrdinalIgnoreCase) || body.Contains(GroupOfB, StringComparison.OrdinalIgnoreCase))
                {
                    failures.Add($"{method} {uri}: shows B's data ({status})");
                }
                else if (method != "GET" && id != Guid.Empty && status is >= 200 and < 300)
                {
                    failures.Add($"{method} {uri}: succeeded on B's id ({status})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await using var db = database.CreateDbContext();
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == _profileB && p.Handle == HandleOfB));
        Assert.True(await db.ProfileGroups.AnyAsync(g => g.Id == _groupB && g.Name == GroupOfB));
        Assert.Equal(1, await db.ProfileGroupMembers.CountAsync(m => m.GroupId == _groupB));
        Assert.True(await db.Workspaces.AnyAsync(w => w.Id == _workspaceB));
    }

    [Fact]
    public async Task Profiles_KeyOfEachWorkspace_SeesOnlyItsOwn()
    {
        using var clientA = _app!.Factory.CreateKeyedClient(_keyA);
        using var clientB = _app.Factory.CreateKeyedClient(_keyB);

        var listA = await clientA.GetStringAsync(new Uri("/api/tiktok/profiles", UriKind.Relative));
        var listB = await clientB.GetStringAsync(new Uri("/api/tiktok/profiles", UriKind.Relative));

        Assert.Contains(_profileA.ToString(), listA, StringComparison.Ordinal);
        Assert.DoesNotContain(_profileB.ToString(), listA, StringComparison.Ordinal);
        Assert.Contains(_profileB.ToString(), listB, StringComparison.Ordinal);
        Assert.DoesNotContain(_profileA.ToString(), listB, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await clientA.GetAsync(new Uri($"/api/tiktok/profiles/{_profileB}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clientB.GetAsync(new Uri($"/api/tiktok/profiles/{_profileB}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Workspaces_KeyOfA_ListsOnlyA_AndBAnswers404()
    {
        using var client = _app!.Factory.CreateKeyedClient(_keyA);

        var list = await client.GetFromJsonAsync<JsonElement>(new Uri("/api/tiktok/workspaces", UriKind.Relative));
        var members = await client.GetAsync(new Uri($"/api/tiktok/workspaces/{_workspaceB}/members", UriKind.Relative));
        var create = await client.PostAsJsonAsync(new Uri("/api/tiktok/workspaces", UriKind.Relative), new { name = "Sneaky" });

        Assert.Equal([WorkspaceDefaults.FirstId], list.EnumerateArray().Select(w => w.GetProperty("id").GetGuid()));
        Assert.Equal("editor", list[0].GetProperty("role").GetString(), ignoreCase: true);
        Assert.Equal(HttpStatusCode.NotFound, members.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
    }

    [Fact]
    public async Task AddProfile_SameHandleFromTwoWorkspaces_OneRowWatchedByBoth()
    {
        _upstream.ServeFixtureCreator();
        using var clientA = _app!.Factory.CreateKeyedClient(_keyA);
        using var clientB = _app.Factory.CreateKeyedClient(_keyB);

        var first = await clientA.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false });
        var second = await clientB.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false });
        var again = await clientB.PostAsJsonAsync("/api/tiktok/profiles", new { handle = "fixture.creator", monitoringEnabled = false });

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var id = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.Equal(id, (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        await using (var db = database.CreateDbContext())
        {
            Assert.Equal(1, await db.Profiles.CountAsync(p => p.Handle == "fixture.creator"));
            Assert.Equal([WorkspaceDefaults.FirstId, _workspaceB],
                (await db.WorkspaceProfiles.Where(l => l.ProfileId == id).Select(l => l.WorkspaceId).ToListAsync()).Order());
        }

        // B stops watching it: A still does, so the row and its history stay; then A removes it too and it goes.
        Assert.Equal(HttpStatusCode.NoContent, (await clientB.DeleteAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await clientB.GetAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await clientA.GetAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await clientA.DeleteAsync(new Uri($"/api/tiktok/profiles/{id}", UriKind.Relative))).StatusCode);
        await using (var db = database.CreateDbContext())
        {
            Assert.False(await db.Profiles.AnyAsync(p => p.Id == id));
        }
    }

    private static List<(string Method, string Pattern)> ApiRoutes(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(?<n>[^}:]+)(:(?<c>[^}]+))?\}")]
    private static partial Regex Parameter();
}

public sealed class PostgresWorkspaceIsolationApiTests(PostgresDatabase database) : WorkspaceIsolationApiTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceIsolationApiTests(SqliteDatabase database) : WorkspaceIsolationApiTests<SqliteDatabase>(database);
