using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Changes;

/// <summary>The change feed and the notes through the REST API, as a client sees them, on both databases.</summary>
public abstract class ChangeApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "test-api-key-changes-0123";
    private ApiApp? _app;

    private HttpClient Client => _app!.Client;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        _app = new ApiApp(database, ApiKey, new() { ["Monitoring:TimeZone"] = "Europe/Berlin" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Fact]
    public async Task Annotations_AddListFilterDelete()
    {
        var profileId = await AddProfileAsync("notes.api");

        var day = await Client.PostAsJsonAsync(Annotations(profileId), new { date = "2026-11-14", text = "  Paid boost " });
        var moment = await Client.PostAsJsonAsync(Annotations(profileId), new { date = "2026-11-20T09:30:00+01:00", text = "Campaign start" });

        Assert.Equal(HttpStatusCode.Created, day.StatusCode);
        var added = await day.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("annotation", "Paid boost", "2026-11-14", "Europe/Berlin"),
            (added.GetProperty("kind").GetString(), added.GetProperty("newValue").GetString(), added.GetProperty("day").GetString(), added.GetProperty("dayTimeZone").GetString()));
        Assert.Equal(new DateTime(2026, 11, 13, 23, 0, 0, DateTimeKind.Utc), added.GetProperty("occurredAt").GetDateTime().ToUniversalTime());
        Assert.Equal("API key configured (MONITOR_API_KEY)", added.GetProperty("createdBy").GetString());
        Assert.Equal(HttpStatusCode.Created, moment.StatusCode);

        var feed = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/changes?kind=annotation");
        Assert.Equal(2, feed.GetProperty("totalCount").GetInt32());
        var items = feed.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Campaign start", "Paid boost"], items.Select(i => i.GetProperty("newValue").GetString()));
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("day").ValueKind);
        var ranged = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/changes?from=2026-11-14&to=2026-11-14");
        Assert.Equal(1, ranged.GetProperty("totalCount").GetInt32());
        var noRuns = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/changes?kind=run_failed,caption_edited");
        Assert.Equal(0, noRuns.GetProperty("totalCount").GetInt32());

        var id = added.GetProperty("annotationId").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"{Annotations(profileId)}/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.DeleteAsync(new Uri($"{Annotations(profileId)}/{id}", UriKind.Relative))).StatusCode);
        var left = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/changes");
        Assert.Equal(["Campaign start"], left.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("newValue").GetString()));
    }

    [Theory]
    [InlineData("2026-11-14", "", "text", "text is required")]
    [InlineData("2026-11-14", null, "text", "text is required")]
    [InlineData("2026-11-14", "LONG", "text", "at most 500 characters (this one has 501)")]
    [InlineData("14/11/2026", "note", "date", "a day (yyyy-MM-dd")]
    [InlineData("2026-11-14T09:30:00", "note", "date", "a timestamp with its offset")]
    [InlineData("1970-01-01", "note", "date", "between 2000 and 2100")]
    [InlineData(null, "note", "date", "a day (yyyy-MM-dd")]
    public async Task Annotation_BadInput_400NamingTheField(string? date, string? text, string field, string expected)
    {
        var profileId = await AddProfileAsync($"bad.{Guid.NewGuid():N}"[..20]);

        var response = await Client.PostAsJsonAsync(Annotations(profileId), new { date, text = text == "LONG" ? new string('x', 501) : text });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind=bogus", "kind", "Unknown kind bogus")]
    [InlineData("from=yesterday", "from", "a day (yyyy-MM-dd")]
    [InlineData("from=2026-11-20&to=2026-11-10", "to", "to must be after from")]
    [InlineData("page=0", "page", "page is 1")]
    [InlineData("pageSize=201", "page", "pageSize is 1–200")]
    public async Task Changes_BadQuery_400NamingTheParameter(string query, string field, string expected)
    {
        var profileId = await AddProfileAsync($"q.{Guid.NewGuid():N}"[..20]);

        var response = await Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/changes?{query}", UriKind.Relative));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty(field)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownProfileOrNoKey_404Or401()
    {
        var unknown = Guid.NewGuid();
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/profiles/{unknown}/changes", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsJsonAsync(Annotations(unknown), new { date = "2026-11-14", text = "x" })).StatusCode);

        var profileId = await AddProfileAsync("nokey.api");
        using var anonymous = _app!.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Annotations(profileId), new { date = "2026-11-14", text = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/changes", UriKind.Relative))).StatusCode);
    }

    private static string Annotations(Guid profileId) => $"/api/tiktok/profiles/{profileId}/annotations";

    private async Task<Guid> AddProfileAsync(string handle)
    {
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }
}

public sealed class PostgresChangeApiTests(PostgresDatabase database) : ChangeApiTests<PostgresDatabase>(database);

public sealed class SqliteChangeApiTests(SqliteDatabase database) : ChangeApiTests<SqliteDatabase>(database);
