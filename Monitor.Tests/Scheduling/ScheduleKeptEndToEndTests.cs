using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Profiles;
using Monitor.Core.Scheduling;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Scheduling;

/// <summary>
/// The schedule's promise through the app as it runs: one PATCH switches monitoring on with an interval, the first run
/// goes through the queue against the fake upstream, and its close sets the next run within the interval and one sweep.
/// </summary>
public abstract class ScheduleKeptEndToEndTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "e2e-api-key-000000000002";

    public override Task InitializeAsync() => Database.ClearProfilesAsync();

    [Theory]
    [InlineData(6)]
    [InlineData(1)]
    public async Task Patch_OnWithAnInterval_FirstRunCompletesAndTheNextComesWithinTheIntervalAndOneSweep(int intervalHours)
    {
        Upstream.ServeFixtureCreator();
        var settings = Upstream.Settings;
        settings["MONITOR_API_KEY"] = ApiKey;
        settings["Quartz:SchedulerName"] = $"e2e-{Guid.NewGuid():N}";
        await using var app = new MonitorAppFactory(Database, settings);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
        var added = await client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = FixtureFiles.FixtureHandle, monitoringEnabled = false });
        var id = (await added.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var patched = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{id}/monitoring",
            new { enabled = true, intervalHours, scanMode = "full", excludeUnseenPosts = true });
        var status = await WaitForCompletedRunAsync(client, id);

        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        var body = await patched.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(body.GetProperty("enabled").GetBoolean());
        Assert.Equal(intervalHours, body.GetProperty("intervalHours").GetInt32());
        var last = status.GetProperty("lastMonitoringRun").GetDateTime().ToUniversalTime();
        var next = status.GetProperty("nextMonitoringRun").GetDateTime().ToUniversalTime();
        var sweep = app.Services.GetRequiredService<NextRunPolicy>().SweepPeriod;
        Assert.Equal(TimeSpan.FromHours(1), sweep);
        Assert.InRange(next - last, TimeSpan.FromTicks(1), TimeSpan.FromHours(intervalHours) + sweep);
        await using var db = Database.CreateDbContext();
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == id);
        Assert.Equal((intervalHours, ScanMode.Full, true, 8L), (profile.MonitoringIntervalHours, profile.ScanMode, profile.ExcludeUnseenPosts, profile.TotalPosts));
    }

    private static async Task<JsonElement> WaitForCompletedRunAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var status = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/monitoring");
            if (status.GetProperty("currentRun").ValueKind == JsonValueKind.Null
                && status.GetProperty("logs").EnumerateArray().Any(l => l.GetProperty("status").GetString() == "completed"))
            {
                return status;
            }

            Assert.True(DateTime.UtcNow < deadline, "The first run did not complete within 30 s.");
            await Task.Delay(100);
        }
    }
}

public sealed class PostgresScheduleKeptEndToEndTests(PostgresDatabase database) : ScheduleKeptEndToEndTests<PostgresDatabase>(database);

public sealed class SqliteScheduleKeptEndToEndTests(SqliteDatabase database) : ScheduleKeptEndToEndTests<SqliteDatabase>(database);
