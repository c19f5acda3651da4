using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Security;

namespace Monitor.Tests.Groups;

/// <summary>The groups API as a client sees it, on both databases: the routes, their 4xx answers, and a viewer's session refused.</summary>
public abstract class GroupApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "groups-api-key-0123456789";
    private ApiApp? _app;

    private HttpClient Client => _app!.Client;

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        _app = new ApiApp(database, ApiKey, new()
        {
            ["Groups:MaxMembers"] = "2",
            ["Monitoring:TimeZone"] = "Europe/Berlin",
            ["QUEUE_NAME"] = "none",
        });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Routes_CreateRenameMembersCompareDelete()
    {
        var us = await GroupTestData.ProfileAsync(database, "api.us");
        var them = await GroupTestData.ProfileAsync(database, "api.them");

        var created = await Client.PostAsJsonAsync("/api/tiktok/groups", new { name = "Rivals", description = "Watched" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await Json(created)).GetProperty("id").GetGuid();
        Assert.Equal($"/api/tiktok/groups/{id}", created.Headers.Location!.OriginalString);

        var renamed = await Client.PatchAsJsonAsync($"/api/tiktok/groups/{id}", new { name = "Competitors" });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal("Watched", (await Json(renamed)).GetProperty("description").GetString());

        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsJsonAsync($"/api/tiktok/groups/{id}/members/{us}", new { isOwn = true })).StatusCode);
        var withThem = await Client.PutAsync(new Uri($"/api/tiktok/groups/{id}/members/{them}", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, withThem.StatusCode);
        var members = (await Json(withThem)).GetProperty("members");
        Assert.Equal(2, members.GetArrayLength());
        Assert.Equal("api.us", members[0].GetProperty("handle").GetString());
        Assert.True(members[0].GetProperty("isOwn").GetBoolean());

        var list = await Client.GetFromJsonAsync<JsonElement>("/api/tiktok/groups");
        Assert.Equal("Competitors", list[0].GetProperty("name").GetString());
        Assert.Equal("api.us", list[0].GetProperty("ownHandle").GetString());

        var compare = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/groups/{id}/compare?from=2026-11-01&to=2026-11-14");
        Assert.Equal("2026-11-01", compare.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal("Europe/Berlin", compare.GetProperty("period").GetProperty("timeZone").GetString());
        Assert.Equal(2, compare.GetProperty("rows").GetArrayLength());
        Assert.True(compare.GetProperty("rows")[0].TryGetProperty("followers", out _));
        Assert.Contains(compare.GetProperty("columns").EnumerateArray(), c => c.GetProperty("key").GetString() == "medianViews"
            && c.GetProperty("explanation").GetString()!.Contains("Median", StringComparison.Ordinal));
        Assert.Equal(1, compare.GetProperty("competitorAverage").GetProperty("profiles").GetInt32());
        Assert.Equal(["Followers", "Total views"], compare.GetProperty("growth").EnumerateArray().Select(g => g.GetProperty("metric").GetString()));
        // The longest period: 366 days' bounds in the daily series' VALUES list.
        var longest = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/groups/{id}/compare?from=2025-11-15&to=2026-11-15");
        Assert.Equal("2025-11-15", longest.GetProperty("growth")[0].GetProperty("from").GetString());
        var byHandle = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/groups/{id}/compare?sortBy=profile&descending=false");
        Assert.Equal(["api.them", "api.us"], byHandle.GetProperty("rows").EnumerateArray().Select(r => r.GetProperty("handle").GetString()));

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"/api/tiktok/groups/{id}/members/{them}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(new Uri($"/api/tiktok/groups/{id}/members/{them}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"/api/tiktok/groups/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}/compare", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task BadInput_Answers400NamingTheField()
    {
        var id = await CreateAsync("Checked");

        await AssertFieldAsync(await Client.PostAsJsonAsync("/api/tiktok/groups", new { description = "no name" }), "name");
        await AssertFieldAsync(await Client.PatchAsJsonAsync($"/api/tiktok/groups/{id}", new { description = new string('d', 1001) }), "description");
        await AssertFieldAsync(await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}/compare?from=yesterday", UriKind.Relative)), "from");
        await AssertFieldAsync(await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}/compare?from=2026-11-10&to=2026-11-01", UriKind.Relative)), "from");
        await AssertFieldAsync(await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}/compare?from=2024-01-01&to=2026-01-01", UriKind.Relative)), "to");
        await AssertFieldAsync(await Client.GetAsync(new Uri($"/api/tiktok/groups/{id}/compare?sortBy=likes", UriKind.Relative)), "sortBy");
    }

    [Fact]
    public async Task Conflicts_And_Unknowns_Answer409And404()
    {
        var id = await CreateAsync("Taken");
        var a = await GroupTestData.ProfileAsync(database, "cap.a");
        var b = await GroupTestData.ProfileAsync(database, "cap.b");
        var c = await GroupTestData.ProfileAsync(database, "cap.c");
        await Client.PutAsync(new Uri($"/api/tiktok/groups/{id}/members/{a}", UriKind.Relative), null);
        await Client.PutAsync(new Uri($"/api/tiktok/groups/{id}/members/{b}", UriKind.Relative), null);

        var duplicate = await Client.PostAsJsonAsync("/api/tiktok/groups", new { name = "TAKEN" });
        var full = await Client.PutAsync(new Uri($"/api/tiktok/groups/{id}/members/{c}", UriKind.Relative), null);
        var unknownProfile = await Client.PutAsync(new Uri($"/api/tiktok/groups/{id}/members/{Guid.NewGuid()}", UriKind.Relative), null);
        var unknownGroup = await Client.PutAsync(new Uri($"/api/tiktok/groups/{Guid.NewGuid()}/members/{a}", UriKind.Relative), null);

        Assert.Equal(HttpStatusCode.Conflict, duplicate.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, full.StatusCode);
        Assert.Contains("2 profiles", (await Json(full)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Profile not found", (await Json(unknownProfile)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, unknownProfile.StatusCode);
        Assert.Equal("Group not found", (await Json(unknownGroup)).GetProperty("title").GetString());
    }

    [Fact]
    public async Task ViewerSession_CannotChangeThroughTheApi()
    {
        var accounts = _app!.Services.GetRequiredService<AccountService>();
        Assert.True((await accounts.CreateAsync("group-viewer", "viewer-password-1", MonitorRoles.Viewer, CancellationToken.None)).Succeeded);
        using var viewer = AccountClient.For(_app.Factory);
        await viewer.SignInAsync("group-viewer", "viewer-password-1");

        var create = await viewer.Http.PostAsJsonAsync("/api/tiktok/groups", new { name = "Viewer's" });

        Assert.Equal(HttpStatusCode.Unauthorized, create.StatusCode);
        await using var db = database.CreateDbContext();
        Assert.False(await db.ProfileGroups.AnyAsync(g => g.Name == "Viewer's"));
    }

    private async Task<Guid> CreateAsync(string name)
    {
        var response = await Client.PostAsJsonAsync("/api/tiktok/groups", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await Json(response)).GetProperty("id").GetGuid();
    }

    private static async Task AssertFieldAsync(HttpResponseMessage response, string field)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await Json(response)).GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"The 400 names {errors} rather than {field}.");
    }

    private static async Task<JsonElement> Json(HttpResponseMessage response) => await response.Content.ReadFromJsonAsync<JsonElement>();
}

public sealed class PostgresGroupApiTests(PostgresDatabase database) : GroupApiTests<PostgresDatabase>(database);

public sealed class SqliteGroupApiTests(SqliteDatabase database) : GroupApiTests<SqliteDatabase>(database);
