using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.ApiKeys;
using Monitor.Core.Audit;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audit;

/// <summary>
/// Every change made through the API lands in the audit log, on both databases: one step per changing route, each
/// checked through <c>GET /api/audit</c> (action, the key's name as actor, target, old and new values); no secret
/// sent along (SMTP password, webhook URL, API key, a user's password) is in any entry. The in-memory server has no
/// client address; the browser test sees the source address over a real connection.
/// </summary>
public abstract class AuditApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Handle = FixtureFiles.FixtureHandle;
    private const string SmtpPassword = "smtp-Pa55word-never-stored";
    private const string WebhookToken = "T0KEN-in-the-webhook-url";
    private const string NewSmtpPassword = "second-smtp-Pa55word-never-stored";
    private const string UserPassword = "user-pa55word-never-stored";
    private const string KeyName = "audit script";
    private readonly FakeScrapeCreators _upstream = new FakeScrapeCreators().ServeFixtureCreator();
    private MonitorAppFactory? _app;
    private HttpClient? _client;
    private string? _plainKey;

    private const string InstanceKey = "audit-tests-instance-key-3f9c1d2e";
    private HttpClient? _auditor;

    private HttpClient Client => _client!;

    /// <summary>The audit log is the instance's: read with the configured key (a workspace's key gets a 403).</summary>
    private HttpClient Auditor => _auditor!;

    public async Task InitializeAsync()
    {
        await database.ClearProfilesAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.AuditLog.ExecuteDeleteAsync();
        }

        var settings = _upstream.Settings;
        settings["MONITOR_API_KEY"] = InstanceKey;
        _app = new MonitorAppFactory(database, settings);
        var created = await _app.Services.GetRequiredService<ApiKeyService>().CreateAsync(KeyName, "tests", CancellationToken.None);
        _plainKey = created.PlainKey;
        _client = _app.CreateKeyedClient(_plainKey);
        _auditor = _app.CreateKeyedClient(InstanceKey);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        _auditor?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _upstream.Dispose();
    }

    [Fact]
    public async Task EveryChangingRoute_RecordsOneEntry_WithTheKeyAsActor_TargetAndValues()
    {
        var profileId = Guid.Empty;
        Guid groupId = Guid.Empty, channelId = Guid.Empty;
        long noteId = 0;
        var steps = new (string Name, Func<Task<HttpResponseMessage>> Call, string Action, Func<string> Target, string? OldHas, string? NewHas)[]
        {
            ("add profile", () => PostAsync("/api/tiktok/profiles", new { handle = Handle, monitoringEnabled = false }),
                "profile.added", () => "@" + Handle, null, "\"handle\":\"fixture.creator\""),
            ("interval", () => PatchAsync($"/api/tiktok/profiles/{profileId}/monitoring", new { intervalHours = 12 }),
                "monitoring.changed", () => "@" + Handle, "\"monitoringIntervalHours\":24", "\"monitoringIntervalHours\":12"),
            ("switch on", () => PatchAsync($"/api/tiktok/profiles/{profileId}/monitoring", new { enabled = true }),
                "monitoring.changed", () => "@" + Handle, "\"monitoringEnabled\":false", "\"monitoringEnabled\":true"),
            ("scan mode", () => PatchAsync($"/api/tiktok/profiles/{profileId}/monitoring", new { scanMode = "byAge" }),
                "monitoring.changed", () => "@" + Handle, "\"scanMode\":\"full\"", "\"scanMode\":\"byAge\""),
            ("unseen posts", () => PatchAsync($"/api/tiktok/profiles/{profileId}/monitoring", new { excludeUnseenPosts = true }),
                "monitoring.changed", () => "@" + Handle, "\"excludeUnseenPosts\":false", "\"excludeUnseenPosts\":true"),
            ("update now", () => PostAsync($"/api/tiktok/profiles/{profileId}/monitoring/trigger?confirm=true", null),
                "run.requested", () => "@" + Handle, null, "\"fullScan\":false"),
            ("update many", () => PostAsync("/api/tiktok/profiles/monitoring/trigger?confirm=true", new { profileIds = new[] { profileId } }),
                "run.requested", () => "@" + Handle, null, "\"batch\":true"),
            ("add note", () => PostAsync($"/api/tiktok/profiles/{profileId}/annotations", new { date = "2026-11-01", text = "campaign start" }),
                "note.added", () => "@" + Handle, null, "campaign start"),
            ("delete note", () => SendAsync(HttpMethod.Delete, $"/api/tiktok/profiles/{profileId}/annotations/{noteId}", null),
                "note.deleted", () => "@" + Handle, "campaign start", null),
            ("budget", () => SendAsync(HttpMethod.Put, "/api/credits/budget", new { monthlyBudget = 5000 }, Auditor),
                "budget.changed", () => "credit budget", "\"monthlyBudget\":null", "\"monthlyBudget\":5000"),
            ("create group", () => PostAsync("/api/tiktok/groups", new { name = "Rivals", description = "the usual" }),
                "group.created", () => "Rivals", null, "\"name\":\"Rivals\""),
            ("rename group", () => PatchAsync($"/api/tiktok/groups/{groupId}", new { name = "Rivals 2026" }),
                "group.changed", () => "Rivals 2026", "\"name\":\"Rivals\"", "\"name\":\"Rivals 2026\""),
            ("add member", () => SendAsync(HttpMethod.Put, $"/api/tiktok/groups/{groupId}/members/{profileId}", new { isOwn = true }),
                "group.memberSet", () => "Rivals 2026", "\"member\":false", "\"isOwn\":true"),
            ("remove member", () => SendAsync(HttpMethod.Delete, $"/api/tiktok/groups/{groupId}/members/{profileId}", null),
                "group.memberRemoved", () => "Rivals 2026", "\"member\":true", "\"member\":false"),
            ("delete group", () => SendAsync(HttpMethod.Delete, $"/api/tiktok/groups/{groupId}", null),
                "group.deleted", () => "Rivals 2026", "Rivals 2026", null),
            ("create email channel", () => PostAsync("/api/notifications/channels", new
            {
                name = "Team mail", kind = "email", smtpHost = "smtp.example.com", smtpPort = 587, smtpTls = "starttls", smtpUser = "bot",
                smtpPassword = SmtpPassword, from = "bot@example.com", to = new[] { "team@example.com" },
            }), "channel.created", () => "Team mail", null, "\"smtpHost\":\"smtp.example.com\""),
            ("change password", () => SendAsync(HttpMethod.Put, $"/api/notifications/channels/{channelId}", new { smtpPassword = NewSmtpPassword, smtpPort = 465 }),
                "channel.changed", () => "Team mail", "\"secret\":\"(secret)\"", "\"smtpPort\":465"),
            ("delete channel", () => SendAsync(HttpMethod.Delete, $"/api/notifications/channels/{channelId}", null),
                "channel.deleted", () => "Team mail", "Team mail", null),
            ("create webhook", () => PostAsync("/api/notifications/channels", new
            {
                name = "Slack", kind = "webhook", webhookUrl = $"https://hooks.example.com/services/{WebhookToken}",
            }), "channel.created", () => "Slack", null, "hooks.example.com/••••••"),
            ("global rules", () => SendAsync(HttpMethod.Put, "/api/notifications/settings", new { growthPercent = 55.5 }, Auditor),
                "alertRule.changed", () => "notification settings", "\"growthPercent\":", "\"growthPercent\":55.5"),
            ("profile rules", () => SendAsync(HttpMethod.Put, $"/api/notifications/profiles/{profileId}/thresholds", new { breakoutMultiple = 4.5 }),
                "alertRule.profileChanged", () => "@" + Handle, "\"breakoutMultiple\":null", "\"breakoutMultiple\":4.5"),
            ("export", () => Client.GetAsync(new Uri($"/api/tiktok/profiles/{profileId}/export/posts.csv", UriKind.Relative)),
                "export.downloaded", () => "@" + Handle, null, "\"export\":\"posts\""),
            ("bulk import", () => PostAsync("/api/tiktok/posts/bulk", new
            {
                profileId, posts = new[] { new { awemeId = "7301234567890123456", postedAt = "2026-11-20T18:30:00Z", viewCount = 10 } },
            }), "posts.imported", () => "@" + Handle, null, "\"posts\":1"),
            ("delete profile", () => SendAsync(HttpMethod.Delete, $"/api/tiktok/profiles/{profileId}", null),
                "profile.deleted", () => "@" + Handle, "fixture.creator", null),
        };

        foreach (var (name, call, action, target, oldHas, newHas) in steps)
        {
            var response = await call();
            Assert.True(response.IsSuccessStatusCode, $"{name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var body = response.Content.Headers.ContentType?.MediaType == "application/json" ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
            profileId = name == "add profile" ? body.GetProperty("id").GetGuid() : profileId;
            groupId = name == "create group" ? body.GetProperty("id").GetGuid() : groupId;
            channelId = name == "create email channel" ? body.GetProperty("id").GetGuid() : channelId;
            noteId = name == "add note" ? body.GetProperty("annotationId").GetInt64() : noteId;

            var entry = await NewestAsync();
            Assert.True(action == entry.GetProperty("action").GetString(), $"{name}: action {entry.GetProperty("action")}, expected {action}");
            // The instance's budget and alert rules are changed with the configured key: a workspace's key gets a 403.
            var instanceWide = name is "budget" or "global rules";
            Assert.Equal(instanceWide ? ApiKeyIdentity.Configured.Name : KeyName, entry.GetProperty("actorName").GetString());
            Assert.Equal("apiKey", entry.GetProperty("actorKind").GetString());
            Assert.Equal(target(), entry.GetProperty("targetLabel").GetString());
            AssertHas(name, "old", entry.GetProperty("oldValues"), oldHas);
            AssertHas(name, "new", entry.GetProperty("newValues"), newHas);
        }

        await AssertNoSecretAsync(SmtpPassword, NewSmtpPassword, WebhookToken, _plainKey!);
    }

    [Fact]
    public async Task UserWithPassword_AndFailedSignIn_AreRecorded_WithoutThePassword()
    {
        var accounts = _app!.Services.GetRequiredService<AccountService>();
        var created = await accounts.CreateAsync("casey", UserPassword, MonitorRoles.Viewer, CancellationToken.None);
        using var browser = Security.AccountClient.For(_app);
        await browser.SignInAsync("casey", "wrong-" + UserPassword);
        await browser.SignInAsync("casey", UserPassword);

        var entries = await EntriesAsync("?target=casey");
        var actions = entries.Select(e => e.GetProperty("action").GetString()).ToList();

        Assert.True(created.Succeeded);
        Assert.Equal(["signIn.succeeded", "signIn.failed", "user.created"], actions);
        Assert.Contains("wrong password", entries[1].GetProperty("newValues").GetString(), StringComparison.Ordinal);
        Assert.Equal("casey", entries[1].GetProperty("actorName").GetString());
        Assert.Equal("viewer", JsonDocument.Parse(entries[2].GetProperty("newValues").GetString()!).RootElement.GetProperty("role").GetString());
        await AssertNoSecretAsync(UserPassword);
    }

    [Fact]
    public async Task Filters_ThroughTheApi_AndBadInputNamesTheParameter()
    {
        await PostAsync("/api/tiktok/groups", new { name = "Filter me" });
        await PostAsync("/api/tiktok/groups", new { name = "And me" });

        var byAction = await Auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/audit?action=group&target=filter&pageSize=10", UriKind.Relative));
        var byActor = await Auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/audit?actor=nobody-like-this", UriKind.Relative));
        var future = await Auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/audit?from=2999-01-01", UriKind.Relative));
        var badFrom = await Auditor.GetAsync(new Uri("/api/audit?from=yesterday", UriKind.Relative));
        var badPage = await Auditor.GetAsync(new Uri("/api/audit?pageSize=0", UriKind.Relative));
        using var byWorkspaceKey = await Client.GetAsync(new Uri("/api/audit", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, byWorkspaceKey.StatusCode);

        Assert.Equal(1, byAction.GetProperty("totalCount").GetInt32());
        Assert.Equal("Filter me", byAction.GetProperty("items")[0].GetProperty("targetLabel").GetString());
        Assert.Equal(0, byActor.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, future.GetProperty("totalCount").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, badFrom.StatusCode);
        Assert.Contains("from", (await badFrom.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
    }

    [Fact]
    public async Task AuditRoute_WithoutAKey_Is401()
    {
        using var anonymous = _app!.CreateClient();

        var response = await anonymous.GetAsync(new Uri("/api/audit", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static void AssertHas(string step, string side, JsonElement values, string? expected)
    {
        if (expected is null)
        {
            Assert.True(values.ValueKind == JsonValueKind.Null, $"{step}: {side} values should be empty, are {values}");
            return;
        }

        var text = values.GetString() ?? "";
        Assert.True(text.Contains(expected, StringComparison.Ordinal), $"{step}: {side} values {text} lack {expected}");
    }

    private async Task AssertNoSecretAsync(params string[] secrets)
    {
        await using var db = database.CreateDbContext();
        var rows = await db.AuditLog.AsNoTracking().ToListAsync();
        Assert.NotEmpty(rows);
        foreach (var row in rows)
        {
            var all = string.Join("|", row.ActorName, row.ActorId, row.SourceAddress, row.Action, row.TargetKind, row.TargetId, row.TargetLabel, row.OldValues, row.NewValues);
            foreach (var secret in secrets)
            {
                Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
            }
        }
    }

    private async Task<JsonElement> NewestAsync() => (await EntriesAsync("?pageSize=1"))[0];

    private async Task<IReadOnlyList<JsonElement>> EntriesAsync(string query)
    {
        var page = await Auditor.GetFromJsonAsync<JsonElement>(new Uri("/api/audit" + query, UriKind.Relative));
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private Task<HttpResponseMessage> PostAsync(string path, object? body) => SendAsync(HttpMethod.Post, path, body);

    private Task<HttpResponseMessage> PatchAsync(string path, object body) => SendAsync(HttpMethod.Patch, path, body);

    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, HttpClient? client = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)) { Content = body is null ? null : JsonContent.Create(body) };
        return await (client ?? Client).SendAsync(request);
    }
}

public sealed class PostgresAuditApiTests(PostgresDatabase database) : AuditApiTests<PostgresDatabase>(database);

public sealed class SqliteAuditApiTests(SqliteDatabase database) : AuditApiTests<SqliteDatabase>(database);
