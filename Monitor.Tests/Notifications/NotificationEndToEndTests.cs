using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Notifications;
using Monitor.Core.Runs;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>
/// The app as it runs: a profile whose runs fail at the fake upstream gives one email after the last retry, nothing
/// more while it stays down, and a "recovered" email after a success; a broken mail server never touches the run.
/// </summary>
public abstract class NotificationEndToEndTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private const string ApiKey = "notify-e2e-key-0123456789";

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await NotificationTestData.ClearAsync(Database);
    }

    [Fact]
    public async Task FailingProfile_OneEmailAfterTheLastRetry_NoneWhileDown_RecoveredAfterASuccess()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        Upstream.ServeFixtureCreator();
        Upstream.ServeAllVideos(503, """{"success":false,"message":"maintenance"}""");
        await using var app = NewApp();
        using var client = app.CreateKeyedClient(ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/notifications/channels", NotificationTestData.Email(smtp.Port))).StatusCode);
        var id = await AddProfileAsync(client);

        await TriggerAndWaitAsync(client, id, MonitoringStatus.Failed, runs: 2);
        var failed = await smtp.WaitForMessageAsync();
        Assert.Equal($"@{FixtureFiles.FixtureHandle}: monitoring failed", failed.Subject);
        Assert.Contains("failed after its last retry", failed.TextBody, StringComparison.Ordinal);
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(2, await db.Runs.CountAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Failed));
        }

        await TriggerAndWaitAsync(client, id, MonitoringStatus.Failed, runs: 4);
        await WaitForOutboxAsync();

        Upstream.Reset();
        Upstream.ServeFixtureCreator();
        await RecoverAsync(client, id);
        var recovered = await smtp.WaitForMessageAsync(m => m.Subject?.Contains("recovered", StringComparison.Ordinal) == true);

        Assert.Contains("works again", recovered.TextBody, StringComparison.Ordinal);
        Assert.Equal(2, smtp.Messages.Count);
        // The mail is out before the dispatcher records it as sent: wait for the log to say so.
        JsonElement log = default;
        await NotificationTestData.WaitUntilAsync(async () =>
        {
            log = await client.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries");
            return log.EnumerateArray().All(d => d.GetProperty("status").GetString() == "sent");
        }, "both deliveries logged as sent");
        Assert.Equal(["recovered", "runfailed"], log.EnumerateArray().Select(d => d.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task BrokenMailServer_RunStillCompletes_AndTheDeliveryWaitsForItsRetry()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Refuse = true;
        Upstream.ServeFixtureCreator();
        await using var app = NewApp();
        using var client = app.CreateKeyedClient(ApiKey);
        Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/notifications/channels", NotificationTestData.Email(smtp.Port))).StatusCode);
        var id = await AddProfileAsync(client);
        await using (var db = Database.CreateDbContext())
        {
            db.ProfileAlertStates.Add(new ProfileAlertState { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = id, ConsecutiveFailures = 1, FailureAlerted = true });
            await db.SaveChangesAsync();
        }

        await TriggerAndWaitAsync(client, id, MonitoringStatus.Completed, runs: 1);
        await NotificationTestData.WaitUntilAsync(async () =>
            (await NotificationTestData.DeliveriesAsync(Database)).Any(d => d.Attempts == 1 && d.Status == DeliveryStatus.Pending), "the first failed attempt");

        var delivery = Assert.Single(await NotificationTestData.DeliveriesAsync(Database));
        Assert.Equal(NotificationKind.Recovered, delivery.Kind);
        Assert.Contains("mailbox store is broken", delivery.LastError, StringComparison.Ordinal);
        Assert.True(delivery.NextAttemptAt > DateTime.UtcNow.AddSeconds(30));
        await using var check = Database.CreateDbContext();
        Assert.Equal(MonitoringStatus.Completed, (await check.Runs.SingleAsync(l => l.ProfileId == id)).Status);
    }

    private MonitorAppFactory NewApp()
    {
        var settings = Upstream.Settings;
        settings["MONITOR_API_KEY"] = ApiKey;
        settings["Quartz:SchedulerName"] = $"notify-{Guid.NewGuid():N}";
        settings["Monitoring:RetryBaseDelay"] = "00:00:00.200";
        // Two attempts of two calls each per run keep the client's circuit breaker (10 calls at 50 % failures) closed.
        settings["Monitoring:MaxAttempts"] = "2";
        settings["ScrapeCreators:MaxRetryAttempts"] = "1";
        settings["Notifications:PollInterval"] = "00:00:00.200";
        return new MonitorAppFactory(Database, settings);
    }

    private static async Task<Guid> AddProfileAsync(HttpClient client)
    {
        var response = await client.PostAsJsonAsync("/api/tiktok/profiles", new { handle = FixtureFiles.FixtureHandle, monitoringEnabled = false });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>Update Now, then wait until the profile has <paramref name="runs"/> runs in that status and none active.</summary>
    private async Task TriggerAndWaitAsync(HttpClient client, Guid id, MonitoringStatus status, int runs)
    {
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/tiktok/profiles/{id}/monitoring/trigger", UriKind.Relative), null)).StatusCode);
        await NotificationTestData.WaitUntilAsync(async () =>
        {
            await using var db = Database.CreateDbContext();
            return await db.Runs.CountAsync(l => l.ProfileId == id && l.Status == status) == runs
                && !await db.Runs.AnyAsync(l => l.ProfileId == id && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running));
        }, $"{runs} {status} runs");
    }

    /// <summary>
    /// Update Now until a run completes: should the client's circuit breaker have opened on the failures, the first
    /// runs after the upstream came back fail fast until it closes (15 s). Those failures announce nothing.
    /// </summary>
    private async Task RecoverAsync(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            int failed;
            await using (var db = Database.CreateDbContext())
            {
                failed = await db.Runs.CountAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Failed);
            }

            Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/tiktok/profiles/{id}/monitoring/trigger", UriKind.Relative), null)).StatusCode);
            await NotificationTestData.WaitUntilAsync(async () =>
            {
                await using var db = Database.CreateDbContext();
                return !await db.Runs.AnyAsync(l => l.ProfileId == id && (l.Status == MonitoringStatus.Pending || l.Status == MonitoringStatus.Running))
                    && (await db.Runs.AnyAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Completed)
                        || await db.Runs.CountAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Failed) > failed);
            }, "the run after the upstream came back");
            await using (var db = Database.CreateDbContext())
            {
                if (await db.Runs.AnyAsync(l => l.ProfileId == id && l.Status == MonitoringStatus.Completed))
                {
                    return;
                }
            }

            Assert.True(DateTime.UtcNow < deadline, "no run completed within 60 s of the upstream coming back");
            await Task.Delay(TimeSpan.FromSeconds(1));
        }
    }

    private Task WaitForOutboxAsync() => NotificationTestData.WaitUntilAsync(async () =>
    {
        await using var db = Database.CreateDbContext();
        return !await db.RunNotificationEvents.AnyAsync(e => e.ProcessedAt == null)
            && !await db.NotificationDeliveries.AnyAsync(d => d.Status == DeliveryStatus.Pending || d.Status == DeliveryStatus.Sending);
    }, "the outbox to drain");
}

public sealed class SqliteNotificationEndToEndTests(SqliteDatabase database) : NotificationEndToEndTests<SqliteDatabase>(database);

public sealed class PostgresNotificationEndToEndTests(PostgresDatabase database) : NotificationEndToEndTests<PostgresDatabase>(database);
