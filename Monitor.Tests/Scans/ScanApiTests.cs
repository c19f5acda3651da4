using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scans;

/// <summary><c>scanMode</c> through PATCH, the ladder through GET, <c>?scope=full</c> through the trigger; bad values are 400s.</summary>
public abstract class ScanApiTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task MonitoringApi_ScanModeAndFullScope_AreReadWrittenAndValidated()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var profileId = await app.StoreProfileAsync("scan.profile");
        var route = $"/api/tiktok/profiles/{profileId}/monitoring";

        var byAge = await client.PatchAsJsonAsync(route, new { scanMode = "byAge" });
        var enabled = await client.PatchAsJsonAsync(route, new { enabled = true });
        var badMode = await client.PatchAsync(route, new StringContent("""{"scanMode":"sometimes"}""", Encoding.UTF8, "application/json"));
        var badScope = await client.PostAsync($"{route}/trigger?scope=everything", null);
        var full = await client.PostAsync($"{route}/trigger?scope=full", null);
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}");

        Assert.Equal(HttpStatusCode.OK, byAge.StatusCode);
        var byAgeBody = await byAge.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("byAge", byAgeBody.GetProperty("scanMode").GetString());
        Assert.False(byAgeBody.GetProperty("enabled").GetBoolean());
        var steps = byAgeBody.GetProperty("scanSteps");
        Assert.Equal(3, steps.GetArrayLength());
        Assert.Equal(168, steps[0].GetProperty("maxAgeHours").GetInt32());
        Assert.Equal(6, steps[0].GetProperty("everyHours").GetDouble());
        Assert.Equal(JsonValueKind.Null, steps[2].GetProperty("maxAgeHours").ValueKind);
        Assert.Equal(JsonValueKind.Null, steps[0].GetProperty("nextRefresh").ValueKind);

        var enabledBody = await enabled.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("byAge", enabledBody.GetProperty("scanMode").GetString());
        Assert.Equal(JsonValueKind.String, enabledBody.GetProperty("scanSteps")[0].GetProperty("nextRefresh").ValueKind);

        Assert.Equal(HttpStatusCode.BadRequest, badMode.StatusCode);
        Assert.Equal("application/problem+json", badMode.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badScope.StatusCode);
        Assert.Equal("application/problem+json", badScope.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Accepted, full.StatusCode);
        Assert.Equal("byAge", profile.GetProperty("scanMode").GetString());
        await using var db = database.CreateDbContext();
        var log = await db.Runs.SingleAsync(l => l.ProfileId == profileId);
        Assert.True(log.FullScanRequested);
    }
}

public sealed class PostgresScanApiTests : ScanApiTests<PostgresDatabase>;

public sealed class SqliteScanApiTests : ScanApiTests<SqliteDatabase>;
