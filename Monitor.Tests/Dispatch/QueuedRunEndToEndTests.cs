using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Dispatch;

/// <summary>
/// The whole chain as it runs in production: the API queues a run, Quartz fires it, the real runner pages the real
/// HTTP client against a fake upstream, and failures are retried with backoff.
/// </summary>
public abstract class QueuedRunEndToEndTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "e2e-api-key-000000000001";

    public override Task InitializeAsync() => Database.ClearProfilesAsync();

    [Fact]
    public async Task UpdateNow_TwoPageFeed_CompletesThroughTheQueue()
    {
        Upstream.ServeFixtureCreator();
        await using var app = NewApp();
        using var client = app.CreateKeyedClient(ApiKey);
        var id = await AddProfileAsync(client);

        var first = await client.PostAsync($"/api/tiktok/profiles/{id}/monitoring/trigger", null);
        var second = await client.PostAsync($"/api/tiktok/profiles/{id}/monitoring/trigger", null);
        var status = await WaitForIdleAsync(client, id);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        var queued = await first.Content.ReadFromJsonAsync<JsonElement>();
        var again = await second.Content.ReadFromJsonAsync<JsonElement>();
        var logs = status.GetProperty("logs").EnumerateArray().ToList();
        // The second Update Now joins the first run while it waits or runs; once that run has ended (it takes a few
        // milliseconds here), it queues a run of its own.
        Assert.Equal(again.GetProperty("created").GetBoolean() ? 2 : 1, logs.Count);
        Assert.All(logs, l => Assert.Equal("completed", l.GetProperty("status").GetString()));
        var log = Assert.Single(logs, l => l.GetProperty("id").GetInt64() == queued.GetProperty("logId").GetInt64());
        Assert.Equal("completed", log.GetProperty("status").GetString());
        Assert.Equal("manual", log.GetProperty("trigger").GetString());
        Assert.False(log.TryGetProperty("duration", out _), "duration is derived from startedAt and completedAt, not serialised");
        Assert.Equal(8, log.GetProperty("postsScraped").GetInt32());
        Assert.True(!again.GetProperty("created").GetBoolean() || again.GetProperty("logId").GetInt64() != queued.GetProperty("logId").GetInt64());
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}");
        Assert.Equal(341_120, profile.GetProperty("totalLikes").GetInt64());
    }

    [Fact]
    public async Task MonitoredProfile_WithNobodyTouchingIt_IsScrapedOnceThoughTheSweepFiresEverySecond()
    {
        Upstream.ServeFixtureCreator();
        await using var app = NewApp(new() { ["Monitoring:SweepCron"] = "0/1 * * * * ?", ["Monitoring:SweepJitter"] = "00:00:00" });
        using var client = app.CreateKeyedClient(ApiKey);
        var id = await AddProfileAsync(client, monitoringEnabled: true);

        await WaitUntilAsync(async () =>
        {
            await using var db = Database.CreateDbContext();
            return await db.Runs.AnyAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Completed);
        });
        // Proving a negative needs a window: two more sweeps fire in it, and neither may queue the profile again.
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        await using var check = Database.CreateDbContext();
        var log = await check.Runs.SingleAsync(l => l.ProfileId == id);
        Assert.Equal(MonitoringTrigger.Scheduled, log.Trigger);
        Assert.Equal(MonitoringStatus.Completed, log.Status);
        var profile = await check.Profiles.SingleAsync(p => p.Id == id);
        Assert.Equal(8, profile.TotalPosts);
        Assert.InRange(profile.NextMonitoringRun!.Value, profile.LastMonitoringRun!.Value.AddSeconds(3), profile.LastMonitoringRun.Value.AddHours(24).AddSeconds(1));
    }

    [Fact]
    public async Task Run_UpstreamDown_IsTriedThreeTimesThenGivesUpAndNextRunAdvances()
    {
        Upstream.ServeFixtureCreator();
        Upstream.ServeAllVideos(503, """{"success":false,"message":"maintenance"}""");
        await using var app = NewApp(new() { ["Monitoring:RetryBaseDelay"] = "00:00:00.200" });
        using var client = app.CreateKeyedClient(ApiKey);
        // Monitoring is switched on only after Update Now has queued the first attempt: switched on first, the profile's
        // own first run could fail before the trigger arrived, and Update Now would then rightly promote the waiting
        // retry to "due now", which is not the backoff this test measures.
        var id = await AddProfileAsync(client);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync($"/api/tiktok/profiles/{id}/monitoring/trigger", null)).StatusCode);
        var switchedOn = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{id}/monitoring", new { enabled = true });
        Assert.Equal(HttpStatusCode.OK, switchedOn.StatusCode);
        await WaitUntilAsync(async () =>
        {
            await using var db = Database.CreateDbContext();
            return await db.Runs.CountAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Failed) == 3
                && !await db.Runs.AnyAsync(l => l.ProfileId == id && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running));
        });

        await using var check = Database.CreateDbContext();
        var logs = await check.Runs.Where(l => l.ProfileId == id).OrderBy(l => l.Attempt).ToListAsync();
        Assert.Equal([1, 2, 3], logs.Select(l => l.Attempt));
        Assert.All(logs, l => Assert.Equal(MonitoringStatus.Failed, l.Status));
        Assert.Equal([RetryDecision.Retrying, RetryDecision.Retrying, RetryDecision.GaveUp], logs.Select(l => l.RetryDecision!.Value));
        // The backoff doubles from the base: each retry is due that long after the attempt before it closed, and the
        // queue does not start it before it is due.
        Assert.Equal(logs[0].CompletedAt!.Value.AddMilliseconds(200), logs[1].ScheduledFor);
        Assert.Equal(logs[1].CompletedAt!.Value.AddMilliseconds(400), logs[2].ScheduledFor);
        Assert.All(logs.Skip(1), l => Assert.True(l.StartedAt >= l.ScheduledFor, $"Attempt {l.Attempt} started at {l.StartedAt:O}, before it was due at {l.ScheduledFor:O}"));
        var profile = await check.Profiles.SingleAsync(p => p.Id == id);
        Assert.InRange(profile.NextMonitoringRun!.Value, profile.LastMonitoringRun!.Value, profile.LastMonitoringRun.Value.AddHours(25));
    }

    private MonitorAppFactory NewApp(Dictionary<string, string?>? extra = null)
    {
        var settings = Upstream.Settings;
        settings["MONITOR_API_KEY"] = ApiKey;
        settings["Quartz:SchedulerName"] = $"e2e-{Guid.NewGuid():N}";
        foreach (var (key, value) in extra ?? [])
        {
            settings[key] = value;
        }

        return new MonitorAppFactory(Database, settings);
    }

    private static async Task<Guid> AddProfileAsync(HttpClient client, bool monitoringEnabled = false)
    {
        var response = await client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = FixtureFiles.FixtureHandle, monitoringEnabled });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> WaitForIdleAsync(HttpClient client, Guid id)
    {
        JsonElement status = default;
        await WaitUntilAsync(async () =>
        {
            status = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{id}/monitoring");
            return status.GetProperty("currentRun").ValueKind == JsonValueKind.Null && status.GetProperty("logs").GetArrayLength() > 0;
        });
        return status;
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The queued run did not reach the expected state within 30 s.");
            await Task.Delay(100);
        }
    }
}

public sealed class PostgresQueuedRunEndToEndTests(PostgresDatabase database) : QueuedRunEndToEndTests<PostgresDatabase>(database);

public sealed class SqliteQueuedRunEndToEndTests(SqliteDatabase database) : QueuedRunEndToEndTests<SqliteDatabase>(database);
