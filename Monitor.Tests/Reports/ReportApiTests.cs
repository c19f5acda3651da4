using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Channels;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Notifications;

namespace Monitor.Tests.Reports;

/// <summary>The reports API as a client sees it, on both databases: CRUD, preview, send now to a real SMTP listener, the stored PDFs, and 4xx answers.</summary>
public abstract class ReportApiTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string ApiKey = "reports-api-key-0123456789";
    private ApiApp? _app;
    private TestSmtpServer _smtp = null!;

    private HttpClient Client => _app!.Client;

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        await using (var db = database.CreateDbContext())
        {
            await db.NotificationChannels.ExecuteDeleteAsync();
        }

        _smtp = await TestSmtpServer.StartAsync();
        _app = new ApiApp(database, ApiKey, new() { ["QUEUE_NAME"] = "none" });
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task Routes_CreatePreviewSendNowListDownloadDelete()
    {
        var (profileId, channelId) = await SeedAsync();

        var created = await Client.PostAsJsonAsync("/api/tiktok/reports", Body(profileId, channelId));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var report = await created.Content.ReadFromJsonAsync<JsonElement>();
        var id = report.GetProperty("id").GetGuid();
        Assert.Equal("weekly", report.GetProperty("cadence").GetString());
        Assert.EndsWith("(Europe/Berlin)", report.GetProperty("lastCompletePeriod").GetString(), StringComparison.Ordinal);

        var preview = await Client.PostAsync(new Uri($"/api/tiktok/reports/{id}/preview", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("application/pdf", preview.Content.Headers.ContentType!.MediaType);
        Assert.Equal("%PDF"u8.ToArray(), (await preview.Content.ReadAsByteArrayAsync())[..4]);
        Assert.Empty(_smtp.Messages);

        var send = await Client.PostAsync(new Uri($"/api/tiktok/reports/{id}/send", UriKind.Relative), null);
        Assert.Equal(HttpStatusCode.OK, send.StatusCode);
        var mail = await _smtp.WaitForMessageAsync();
        Assert.Single(mail.Attachments.OfType<MimePart>(), p => p.ContentType.MimeType == "application/pdf");
        Assert.Equal(2, mail.BodyParts.OfType<MimePart>().Count(p => p.ContentType.MimeType == "image/png" && p.ContentId is not null));

        var sent = await Client.GetFromJsonAsync<JsonElement>($"/api/tiktok/reports/{id}/sent");
        var stored = Assert.Single(sent.EnumerateArray());
        Assert.Equal("sent", stored.GetProperty("emailStatus").GetString());
        var pdf = await Client.GetAsync(new Uri($"/api/tiktok/reports/sent/{stored.GetProperty("id").GetGuid()}/pdf", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType!.MediaType);

        var replaced = await Client.PutAsJsonAsync($"/api/tiktok/reports/{id}", Body(profileId, channelId) with { Cadence = "monthly" });
        Assert.Equal("monthly", (await replaced.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("cadence").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync(new Uri($"/api/tiktok/reports/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.GetAsync(new Uri($"/api/tiktok/reports/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Client.PostAsync(new Uri($"/api/tiktok/reports/{id}/preview", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task Create_BadInput_Is400NamingEachField()
    {
        var (profileId, channelId) = await SeedAsync();

        var invalid = await Client.PostAsJsonAsync("/api/tiktok/reports", Body(profileId, channelId) with
        {
            TimeZone = "Mars/Olympus",
            Cadence = "daily",
            SendHour = 24,
            To = ["not-an-address"],
            GroupId = Guid.NewGuid(),
        });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "timeZone", "cadence", "sendHour", "to", "profileId" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}: {errors}");
        }

        var unknownField = await Client.PostAsync(new Uri("/api/tiktok/reports", UriKind.Relative),
            JsonContent.Create(new { name = "x", profileId, channelId, to = new[] { "a@example.test" }, recipients = "oops" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknownField.StatusCode);
        Assert.Contains("recipients", await unknownField.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<(Guid ProfileId, Guid ChannelId)> SeedAsync()
    {
        var profileId = await GroupTestData.ProfileAsync(database, "rep.api");
        var channel = await _app!.Services.GetRequiredService<ChannelService>().CreateAsync(NotificationTestData.Email(_smtp.Port), CancellationToken.None);
        Assert.True(channel.Saved);
        return (profileId, channel.Channel!.Id);
    }

    private static Request Body(Guid profileId, Guid channelId) =>
        new("Weekly client report", profileId, null, "weekly", "Europe/Berlin", "monday", 8, ["client@example.test"], [], channelId, true);

    private sealed record Request(string Name, Guid? ProfileId, Guid? GroupId, string Cadence, string TimeZone, string WeekStart, int SendHour,
        string[] To, string[] Bcc, Guid ChannelId, bool Enabled);
}

public sealed class PostgresReportApiTests(PostgresDatabase database) : ReportApiTests<PostgresDatabase>(database);

public sealed class SqliteReportApiTests(SqliteDatabase database) : ReportApiTests<SqliteDatabase>(database);
