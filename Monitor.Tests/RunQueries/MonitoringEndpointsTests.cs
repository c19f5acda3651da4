using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Tests.Dispatch;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.RunQueries;

public abstract class MonitoringEndpointsTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task MonitoringApi_ToggleTriggerStatusAndStats_ReturnsCamelCaseResults()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        using var anonymous = app.Factory.CreateClient();
        var client = app.Client;
        var profileId = await app.StoreProfileAsync("api.profile");

        var patched = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{profileId}/monitoring", new { enabled = true });
        var badPatch = await client.PatchAsync($"/api/tiktok/profiles/{profileId}/monitoring", JsonContent.Create(new { }));
        var unknownPatch = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{Guid.NewGuid()}/monitoring", new { enabled = true });
        var trigger = await client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null);
        var again = await client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null);
        var unknownTrigger = await client.PostAsync($"/api/tiktok/profiles/{Guid.NewGuid()}/monitoring/trigger", null);
        var status = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/monitoring");
        var stats = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/queue/stats");

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/monitoring/queue/stats", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var patchedBody = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(patchedBody.GetProperty("enabled").GetBoolean());
        Assert.Equal(24, patchedBody.GetProperty("intervalHours").GetInt32());
        Assert.Equal(JsonValueKind.String, patchedBody.GetProperty("nextMonitoringRun").ValueKind);
        Assert.Equal(HttpStatusCode.BadRequest, badPatch.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPatch.StatusCode);
        Assert.Equal("application/problem+json", unknownPatch.Content.Headers.ContentType?.MediaType);

        Assert.Equal(HttpStatusCode.Accepted, trigger.StatusCode);
        var queued = await trigger.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        // Switching monitoring on queued the first run at once; Update Now makes that run a manual one.
        Assert.False(queued.GetProperty("created").GetBoolean());
        Assert.Equal(patchedBody.GetProperty("currentRun").GetProperty("id").GetInt64(), queued.GetProperty("logId").GetInt64());
        Assert.Equal("pending", queued.GetProperty("status").GetString());
        Assert.Equal("manual", queued.GetProperty("trigger").GetString());
        Assert.False(repeated.GetProperty("created").GetBoolean());
        Assert.Equal(queued.GetProperty("logId").GetInt64(), repeated.GetProperty("logId").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, unknownTrigger.StatusCode);

        var current = status.GetProperty("currentRun");
        Assert.Equal(queued.GetProperty("logId").GetInt64(), current.GetProperty("id").GetInt64());
        Assert.Equal("manual", current.GetProperty("trigger").GetString());
        Assert.Equal(1, current.GetProperty("attempt").GetInt32());
        Assert.Equal(1, status.GetProperty("logs").GetArrayLength());

        Assert.Equal(1, stats.GetProperty("waiting").GetInt32());
        Assert.Equal(0, stats.GetProperty("active").GetInt32());
        Assert.Equal(0, stats.GetProperty("delayed").GetInt32());
        Assert.Equal(1, stats.GetProperty("total").GetInt32());
        Assert.Equal(24, stats.GetProperty("windowHours").GetInt32());
        Assert.False(string.IsNullOrEmpty(stats.GetProperty("window").GetString()));
    }

    [Fact]
    public async Task PatchMonitoring_IntervalHours_SetsValidAndRejectsOutOfRangeWithAProblem()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var profileId = await app.StoreProfileAsync("api.profile");
        var url = $"/api/tiktok/profiles/{profileId}/monitoring";

        var six = await client.PatchAsJsonAsync(url, new { intervalHours = 6 });
        var onWithWeek = await client.PatchAsJsonAsync(url, new { enabled = true, intervalHours = 168 });
        var status = await client.GetFromJsonAsync<JsonElement>(url);
        var rejected = new List<HttpResponseMessage>();
        foreach (var body in new object[] { new { intervalHours = 0 }, new { intervalHours = 169 }, new { intervalHours = -6 }, new { enabled = false, intervalHours = 1000 } })
        {
            rejected.Add(await client.PatchAsJsonAsync(url, body));
        }

        var notANumber = await client.PatchAsync(url, new StringContent("""{"intervalHours":"six"}""", System.Text.Encoding.UTF8, "application/json"));
        var unknown = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{Guid.NewGuid()}/monitoring", new { intervalHours = 6 });

        Assert.Equal(HttpStatusCode.OK, six.StatusCode);
        var sixBody = await six.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((6, false), (sixBody.GetProperty("intervalHours").GetInt32(), sixBody.GetProperty("enabled").GetBoolean()));
        Assert.Equal(HttpStatusCode.OK, onWithWeek.StatusCode);
        Assert.Equal((168, true), (status.GetProperty("intervalHours").GetInt32(), status.GetProperty("enabled").GetBoolean()));
        foreach (var response in rejected)
        {
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal("Invalid interval", problem.GetProperty("title").GetString());
            Assert.Contains("1 to 168", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.BadRequest, notANumber.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await using var db = database.CreateDbContext();
        var stored = await db.Profiles.SingleAsync(p => p.Id == profileId);
        // The rejected bodies changed nothing, not even the enabled flag sent beside a bad interval.
        Assert.Equal((168, true), (stored.MonitoringIntervalHours, stored.MonitoringEnabled));
    }

    [Fact]
    public async Task Trigger_DatabaseFailsWhileQueueing_Answers503ProblemNot404()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var profileId = await app.StoreProfileAsync("api.profile");
        await using (var db = database.CreateDbContext())
        {
            await DatabaseFaults.FailInsertsAsync(db);
        }

        var trigger = await client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, trigger.StatusCode);
        Assert.Equal("application/problem+json", trigger.Content.Headers.ContentType?.MediaType);
        var problem = await trigger.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Database unavailable", problem.GetProperty("title").GetString());
        Assert.Equal(503, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("simulated", problem.GetRawText(), StringComparison.Ordinal);
        Assert.NotNull(trigger.Headers.RetryAfter);

        await using (var db = database.CreateDbContext())
        {
            await DatabaseFaults.ClearAsync(db);
        }

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger", null)).StatusCode);
    }
}

public sealed class PostgresMonitoringEndpointsTests : MonitoringEndpointsTests<PostgresDatabase>;

public sealed class SqliteMonitoringEndpointsTests : MonitoringEndpointsTests<SqliteDatabase>;
