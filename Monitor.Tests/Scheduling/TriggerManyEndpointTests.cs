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

namespace Monitor.Tests.Scheduling;

/// <summary><c>POST /api/tiktok/profiles/monitoring/trigger</c>: Update Now for many profiles in one batch.</summary>
public abstract class TriggerManyEndpointTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    private const string Url = "/api/tiktok/profiles/monitoring/trigger";

    [Fact]
    public async Task TriggerMany_FreeWaitingAndUnknownProfiles_QueuesFreeOnesInOneBatchPromotesWaitingAndListsUnknown()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var free = await app.StoreProfileAsync("batch.free");
        var other = await app.StoreProfileAsync("batch.other");
        var waiting = await app.StoreProfileAsync("batch.waiting");
        // Switching monitoring on queues a scheduled first run: Update Now promotes it instead of adding another.
        Assert.Equal(HttpStatusCode.OK, (await client.PatchAsJsonAsync($"/api/tiktok/profiles/{waiting}/monitoring", new { enabled = true })).StatusCode);
        var unknown = Guid.NewGuid();

        var response = await client.PostAsJsonAsync(Url, new { profileIds = new[] { free, other, waiting, unknown, free } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, body.GetProperty("created").GetInt32());
        Assert.Equal([unknown], body.GetProperty("notFound").EnumerateArray().Select(e => e.GetGuid()));
        var runs = body.GetProperty("runs").EnumerateArray().ToDictionary(r => r.GetProperty("profileId").GetGuid());
        // Version 7 ids made in the same millisecond do not sort in creation order: compare as sets.
        Assert.Equal(new[] { free, other, waiting }.Order(), runs.Keys.Order());
        Assert.All(runs.Values, r => Assert.Equal(("pending", "manual"), (r.GetProperty("status").GetString(), r.GetProperty("trigger").GetString())));
        Assert.True(runs[free].GetProperty("created").GetBoolean());
        Assert.False(runs[waiting].GetProperty("created").GetBoolean());

        await using var db = database.CreateDbContext();
        var logs = await db.Runs.AsNoTracking().ToListAsync();
        Assert.Equal(3, logs.Count);
        Assert.All(logs, l => Assert.Equal((MonitoringStatus.Pending, MonitoringTrigger.Manual), (l.Status, l.Trigger)));
        foreach (var log in logs)
        {
            Assert.Equal(runs[log.ProfileId].GetProperty("logId").GetInt64(), log.Id);
            // Due now: a worker's next claim takes them, manual runs ahead of waiting scheduled ones (RunQueueTests).
            Assert.True(log.ScheduledFor <= DateTime.UtcNow, $"Run {log.Id} is due at {log.ScheduledFor:O}");
        }
    }

    [Fact]
    public async Task TriggerMany_BadBodies_Answer400ProblemsAndQueueNothing()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var profile = await app.StoreProfileAsync("batch.bad");
        var tooMany = string.Join(",", Enumerable.Range(0, 10_001).Select(_ => $"\"{Guid.NewGuid()}\""));
        string[] bodies =
        [
            "{}",
            """{"profileIds":[]}""",
            """{"profileIds":null}""",
            $$"""{"profileIds":["{{profile}}","00000000-0000-0000-0000-000000000000"]}""",
            """{"profileIds":["not-a-guid"]}""",
            """{"profileIds":"x"}""",
            "not json",
            $$"""{"profileIds":[{{tooMany}}]}""",
        ];

        var responses = new List<HttpResponseMessage>();
        foreach (var body in bodies)
        {
            responses.Add(await client.PostAsync(Url, new StringContent(body, Encoding.UTF8, "application/json")));
        }

        responses.Add(await client.PostAsync(Url, null));

        Assert.All(responses, r =>
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Equal("application/problem+json", r.Content.Headers.ContentType?.MediaType);
        });
        await using var db = database.CreateDbContext();
        Assert.Empty(await db.Runs.ToListAsync());
    }
}

public sealed class PostgresTriggerManyEndpointTests : TriggerManyEndpointTests<PostgresDatabase>;

public sealed class SqliteTriggerManyEndpointTests : TriggerManyEndpointTests<SqliteDatabase>;
