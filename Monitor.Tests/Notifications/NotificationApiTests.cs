using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Notifications;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>/api/notifications as a client sees it: CRUD, validation, the test send, and secrets that never come back.</summary>
public abstract class NotificationApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "notify-api-key-0123456789";
    private const string Password = "smtp-Pa55word-never-shown";
    private MonitorAppFactory _app = default!;
    private HttpClient _client = default!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
        _app = new MonitorAppFactory(database, new() { ["MONITOR_API_KEY"] = ApiKey, ["SCRAPECREATORS_API_KEY"] = "" });
        _client = _app.CreateClient();
        _client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Fact]
    public async Task Channels_CreateReadUpdateDelete_NeverReturnTheSecrets()
    {
        var created = await _client.PostAsJsonAsync("/api/notifications/channels", NotificationTestData.Email(2525, user: "mailer", password: Password));
        var createdText = await created.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = JsonDocument.Parse(createdText).RootElement.GetProperty("id").GetGuid();
        var hook = await _client.PostAsJsonAsync("/api/notifications/channels", NotificationTestData.Webhook("https://hooks.slack.com/services/T01/B02/very-secret-token"));
        var hookText = await hook.Content.ReadAsStringAsync();

        var renamed = await _client.PutAsJsonAsync($"/api/notifications/channels/{id}", new { name = "Renamed", smtpPassword = "" });
        var patched = await _client.PatchAsJsonAsync($"/api/notifications/channels/{id}", new { enabled = false, events = new[] { "growth", "Digest" } });
        var list = await _client.GetStringAsync("/api/notifications/channels");

        foreach (var text in new[] { createdText, hookText, list, await renamed.Content.ReadAsStringAsync() })
        {
            Assert.DoesNotContain(Password, text, StringComparison.Ordinal);
            Assert.DoesNotContain("very-secret-token", text, StringComparison.Ordinal);
        }

        var view = JsonDocument.Parse(list).RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == id);
        Assert.Equal("Renamed", view.GetProperty("name").GetString());
        Assert.True(view.GetProperty("hasPassword").GetBoolean());
        Assert.False(view.GetProperty("enabled").GetBoolean());
        Assert.Equal(["growth", "digest"], view.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["runFailed", "recovered"], JsonDocument.Parse(createdText).RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("https://hooks.slack.com/••••••", JsonDocument.Parse(hookText).RootElement.GetProperty("webhookTarget").GetString());
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        await using (var db = database.CreateDbContext())
        {
            var stored = await db.NotificationChannels.SingleAsync(c => c.Id == id);
            Assert.DoesNotContain(Password, stored.ProtectedSecret, StringComparison.Ordinal);
            var protector = _app.Services.GetRequiredService<NotificationSecrets>();
            Assert.Equal(Password, protector.Unprotect(stored.ProtectedSecret!));
        }

        Assert.Equal(HttpStatusCode.NoContent, (await _client.DeleteAsync($"/api/notifications/channels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.DeleteAsync($"/api/notifications/channels/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync($"/api/notifications/channels/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","kind":"webhook","webhookUrl":"ftp://example.com/hook"}""", "webhookUrl")]
    [InlineData("""{"name":"x","kind":"webhook","webhookUrl":"not a url"}""", "webhookUrl")]
    [InlineData("""{"name":"x","kind":"email","smtpHost":"smtp.example.com","smtpPort":70000,"from":"a@example.com","to":["b@example.com"]}""", "smtpPort")]
    [InlineData("""{"name":"x","kind":"email","from":"a@example.com","to":["b@example.com"]}""", "smtpHost")]
    [InlineData("""{"name":"x","kind":"email","smtpHost":"smtp.example.com","from":"a@example.com","to":[]}""", "to")]
    [InlineData("""{"name":"x","kind":"email","smtpHost":"smtp.example.com","from":"a@example.com","to":["not-an-address"]}""", "to")]
    [InlineData("""{"name":"x","kind":"email","smtpHost":"smtp.example.com","smtpTls":"maybe","from":"a@example.com","to":["b@example.com"]}""", "smtpTls")]
    [InlineData("""{"name":"x","kind":"webhook","webhookUrl":"https://example.com/h","events":["runFailed","explosion"]}""", "events")]
    [InlineData("""{"name":"x","kind":"pigeon"}""", "kind")]
    [InlineData("""{"kind":"webhook","webhookUrl":"https://example.com/h"}""", "name")]
    [InlineData("""{"name":"x","kind":"webhook","webhookUrl":"https://example.com/h","profileIds":["0196f3a2-6c1e-7d4b-9a51-1f2e3d4c5b6a"]}""", "profileIds")]
    public async Task CreateChannel_Invalid_Answers400NamingTheField(string body, string field)
    {
        using var content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");

        var response = await _client.PostAsync(new Uri("/api/notifications/channels", UriKind.Relative), content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
        await using var db = database.CreateDbContext();
        Assert.False(await db.NotificationChannels.AnyAsync());
    }

    [Fact]
    public async Task TestEndpoint_SendsNow_AndAnswersTheOutcome_AndTheLogListsIt()
    {
        await using var smtp = await TestSmtpServer.StartAsync("mailer", Password);
        var good = await CreateAsync(NotificationTestData.Email(smtp.Port, user: "mailer", password: Password));
        var wrongPassword = await CreateAsync(NotificationTestData.Email(smtp.Port, user: "mailer", password: "wrong") with { Name = "Wrong" });

        var sent = await _client.PostAsync(new Uri($"/api/notifications/channels/{good}/test", UriKind.Relative), null);
        var refused = await _client.PostAsync(new Uri($"/api/notifications/channels/{wrongPassword}/test", UriKind.Relative), null);
        var missing = await _client.PostAsync(new Uri($"/api/notifications/channels/{Guid.NewGuid()}/test", UriKind.Relative), null);

        Assert.True((await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("sent").GetBoolean());
        var failure = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(failure.GetProperty("sent").GetBoolean());
        Assert.False(string.IsNullOrEmpty(failure.GetProperty("error").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        var mail = Assert.Single(smtp.Messages);
        Assert.Equal("Test message from TikTok Profile Monitor", mail.Subject);
        Assert.Contains("Ops mail", mail.TextBody, StringComparison.Ordinal);
        var log = await _client.GetFromJsonAsync<JsonElement>("/api/notifications/deliveries?limit=10");
        Assert.Equal(["failed", "sent"], log.EnumerateArray().Select(d => d.GetProperty("status").GetString()));
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(new Uri("/api/notifications/deliveries?status=lost", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await _client.GetAsync(new Uri("/api/notifications/deliveries?limit=0", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task Settings_SaveAndValidate()
    {
        var saved = await _client.PutAsJsonAsync("/api/notifications/settings", new { failuresBeforeAlert = 3 });
        var invalid = await _client.PutAsJsonAsync("/api/notifications/settings", new { failuresBeforeAlert = 0, breakoutMultiple = 0.5 });
        var settings = await _client.GetFromJsonAsync<JsonElement>("/api/notifications/settings");

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal(3, settings.GetProperty("failuresBeforeAlert").GetInt32());
        Assert.Equal(50, settings.GetProperty("growthPercent").GetDouble());
        Assert.Equal(HttpStatusCode.NotFound, (await _client.GetAsync(new Uri($"/api/notifications/profiles/{Guid.NewGuid()}/thresholds", UriKind.Relative))).StatusCode);
    }

    private async Task<Guid> CreateAsync(Core.Notifications.Channels.ChannelInput input)
    {
        var response = await _client.PostAsJsonAsync("/api/notifications/channels", input);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }
}

public sealed class SqliteNotificationApiTests(SqliteDatabase database) : NotificationApiTests<SqliteDatabase>(database);

public sealed class PostgresNotificationApiTests(PostgresDatabase database) : NotificationApiTests<PostgresDatabase>(database);
