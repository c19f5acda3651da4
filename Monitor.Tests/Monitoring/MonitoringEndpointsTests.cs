using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Profiles;

namespace Monitor.Tests.Monitoring;

public sealed class MonitoringEndpointsTests
{
    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.Postgres)]
    public async Task MonitoringApi_ToggleTriggerStatusAndStats_ReturnsCamelCaseResults(DatabaseProvider provider)
    {
        await using var database = await SchedulingDatabase.CreateAsync(provider);
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            foreach (var (key, value) in database.Settings())
            {
                web.UseSetting(key, value);
            }

            // Web/API only: runs are queued, never executed, so the answers are stable.
            web.UseSetting("QUEUE_NAME", "none");
            web.UseSetting("MONITOR_API_KEY", "monitoring-test-key");
        });
        using var anonymous = factory.CreateClient();
        using var client = factory.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", "monitoring-test-key");
        var profileId = await AddProfileAsync(factory.Services);

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
        Assert.True(queued.GetProperty("created").GetBoolean());
        Assert.Equal("pending", queued.GetProperty("status").GetString());
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

    private static async Task<Guid> AddProfileAsync(IServiceProvider services)
    {
        var profile = new TiktokProfile { Handle = "api.profile", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        await using var db = await services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }
}
