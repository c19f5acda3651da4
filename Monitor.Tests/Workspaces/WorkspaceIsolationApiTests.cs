using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
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
/// added later is in the matrix without a line here), with each of B's ids (profile, post, group, channel, delivery,
/// report, sent report, share link, media): none of B's names show, B's ids answer no change and no file, and B's data is
/// unchanged afterwards. Creating in A what points at B's rows is refused. Also: one profile added by two workspaces
/// stays one row.
/// </summary>
public abstract class WorkspaceIsolationApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string EnvironmentKey = "test-api-key-workspaces-0123456789";
    private readonly FakeScrapeCreators _upstream = new();
    private ApiApp? _app;
    private WorkspaceBSeed _b = default!;
    private Guid _workspaceB;
    private Guid _profileA;
    private Guid _profileB;
    private string _keyA = "";
    private string _keyB = "";

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new ApiApp(database, EnvironmentKey, _upstream.Settings);
        var services = _app.Services;
        _b = await WorkspaceBSeed.CreateAsync(database, services);
        (_workspaceB, _profileA, _profileB) = (_b.WorkspaceB, _b.ProfileA, _b.ProfileB);
        var keys = services.GetRequiredService<ApiKeyService>();
        _keyA = (await keys.CreateAsync("key of A", "test", CancellationToken.None)).PlainKey;
        var keyB = await keys.CreateAsync("key of B", "test", CancellationToken.None);
        _keyB = keyB.PlainKey;
        await using var db = database.CreateDbContext();
        await db.ApiKeys.Where(k => k.Id == keyB.Key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.WorkspaceId, _workspaceB));
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
        var routes = IsolationRoutes.Of(_app.Services, p => p.StartsWith("/api/", StringComparison.Ordinal));
        Assert.Contains(routes, r => r.Pattern == "/api/tiktok/workspaces/{id:guid}/members");
        Assert.Contains(routes, r => r.Pattern == "/api/tiktok/reports/sent/{sentId:guid}/pdf");
        Assert.Contains(routes, r => r.Pattern.StartsWith("/api/tiktok/share-links", StringComparison.Ordinal));
        var failures = new List<string>();

        foreach (var (method, pattern) in routes)
        {
            foreach (var uri in IsolationRoutes.Addresses(pattern, _b))
            {
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
                else if (IsolationRoutes.SecretIn(body) is { } secret)
                {
                    failures.Add($"{method} {uri}: shows B's \"{secret}\" ({status})");
                }
                else if (pattern.Contains('{', StringComparison.Ordinal) && status is >= 200 and < 300 && (method != "GET" || IsFile(response)))
                {
                    failures.Add($"{method} {uri}: succeeded on B's id ({status})");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
        await _b.AssertUntouchedAsync(database);
    }

    [Fact]
    public async Task Create_KeyOfA_PointingAtBsRows_RefusedAndNothingMade()
    {
        using var client = _app!.Factory.CreateKeyedClient(_keyA);
        var group = await client.PostAsJsonAsync("/api/tiktok/groups", new { name = "Alpha rivals" });
        var groupA = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var member = await client.PutAsync(new Uri($"/api/tiktok/groups/{groupA}/members/{_profileB}", UriKind.Relative), null);
        var share = await client.PostAsJsonAsync("/api/tiktok/share-links", new { targetKind = "profile", targetId = _profileB });
        var shareGroup = await client.PostAsJsonAsync("/api/tiktok/share-links", new { targetKind = "group", targetId = _b.GroupB });
        var shareReport = await client.PostAsJsonAsync("/api/tiktok/share-links", new { targetKind = "report", targetId = _b.SentReportB });
        var report = await client.PostAsJsonAsync("/api/tiktok/reports", new { name = "Sneaky", profileId = _profileB, to = new[] { "a@example.invalid" } });
        var reportOnGroup = await client.PostAsJsonAsync("/api/tiktok/reports", new { name = "Sneaky", groupId = _b.GroupB, to = new[] { "a@example.invalid" } });
        var reportOverChannel = await client.PostAsJsonAsync("/api/tiktok/reports",
            new { name = "Sneaky", profileId = _profileA, channelId = _b.ChannelB, to = new[] { "a@example.invalid" } });

        Assert.Equal(HttpStatusCode.Created, group.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        foreach (var refused in new[] { share, shareGroup, shareReport, report, reportOnGroup, reportOverChannel })
        {
            Assert.InRange((int)refused.StatusCode, 400, 499);
            Assert.Null(IsolationRoutes.SecretIn(await refused.Content.ReadAsStringAsync()));
        }

        await using var db = database.CreateDbContext();
        Assert.False(await db.ProfileGroupMembers.AnyAsync(m => m.GroupId == groupA));
        Assert.False(await db.Set<Monitor.Core.Share.ShareLink>().AnyAsync(l => l.WorkspaceId == WorkspaceDefaults.FirstId));
        Assert.False(await db.Set<Monitor.Core.Reports.ReportDefinition>().AnyAsync(r => r.Name == "Sneaky"));
        await _b.AssertUntouchedAsync(database);
    }

    [Fact]
    public async Task PutMember_ProfileOnlyBWatches_IntoAGroupOfA_409EvenForTheConfiguredKey()
    {
        var group = await _app!.Client.PostAsJsonAsync("/api/tiktok/groups", new { name = "Alpha picks" });
        var groupA = (await group.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var response = await _app.Client.PutAsync(new Uri($"/api/tiktok/groups/{groupA}/members/{_profileB}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Profile not in the group's workspace", problem.GetProperty("title").GetString());
        await using var db = database.CreateDbContext();
        Assert.False(await db.ProfileGroupMembers.AnyAsync(m => m.GroupId == groupA));
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

    private static bool IsFile(HttpResponseMessage response) =>
        response.Content.Headers.ContentType?.MediaType is "text/csv" or "application/pdf" || response.Content.Headers.ContentType?.MediaType?.StartsWith("image/", StringComparison.Ordinal) == true;
}

public sealed class PostgresWorkspaceIsolationApiTests(PostgresDatabase database) : WorkspaceIsolationApiTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceIsolationApiTests(SqliteDatabase database) : WorkspaceIsolationApiTests<SqliteDatabase>(database);
