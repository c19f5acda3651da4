using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Credits;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Delivery;
using Monitor.Tests.Infrastructure;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace Monitor.Tests.Notifications;

/// <summary>The outbox and the dispatcher on both databases, against a real SMTP server and a local HTTP listener.</summary>
public abstract class NotificationDeliveryTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
    private CoreHost _host = default!;

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
        _host = new CoreHost(database, [], s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Email_ToARealSmtpServer_ArrivesWithSubjectAndBody_AndIsLoggedAsSent()
    {
        await using var smtp = await TestSmtpServer.StartAsync("mailer", "s3cret-pass");
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Email(smtp.Port, ["budget"], "mailer", "s3cret-pass"));

        var queued = await _host.Get<NotificationOutbox>().EnqueueAsync(NotificationKind.Budget, null, "Credits low", "Only 120 credits left.", CancellationToken.None);
        await _host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        Assert.Equal(1, queued);
        var mail = await smtp.WaitForMessageAsync();
        Assert.Equal("Credits low", mail.Subject);
        Assert.Contains("Only 120 credits left.", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal("monitor@example.test", mail.From.Mailboxes.Single().Address);
        Assert.Equal(["ops@example.test", "lead@example.test"], mail.To.Mailboxes.Select(m => m.Address));
        var delivery = Assert.Single(await NotificationTestData.DeliveriesAsync(database));
        Assert.Equal(DeliveryStatus.Sent, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
        Assert.Null(delivery.ClaimToken);
    }

    [Fact]
    public async Task CreditAlert_BudgetSpent_IsMailedToBudgetChannels()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Email(smtp.Port, ["budget"]));
        var alert = new CreditAlert(CreditAlertKind.BudgetExceeded, new DateOnly(2026, 11, 1), 1_000, 1_004,
            "1,004 of the 1,000 credits budgeted for November are spent.");

        await _host.Get<ICreditAlertSink>().SendAsync(alert, CancellationToken.None);
        await _host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        var mail = await smtp.WaitForMessageAsync();
        Assert.Equal("Credit budget spent: scheduled runs paused", mail.Subject);
        Assert.Contains("1,004 of the 1,000 credits", mail.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Email_ServerRefuses_IsRetriedAfterOneFiveThirtyMinutes_ThenFailed()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        smtp.Refuse = true;
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Email(smtp.Port, ["budget"]));
        await _host.Get<NotificationOutbox>().EnqueueAsync(NotificationKind.Budget, null, "Credits low", "text", CancellationToken.None);
        var work = _host.Get<NotificationWork>();

        await work.RunOnceAsync(CancellationToken.None);
        var first = Assert.Single(await NotificationTestData.DeliveriesAsync(database));
        var seen = new List<(DeliveryStatus, int)> { (first.Status, first.Attempts) };
        foreach (var wait in new[] { 1, 5, 30 })
        {
            _time.Advance(TimeSpan.FromMinutes(wait) - TimeSpan.FromSeconds(1));
            await work.RunOnceAsync(CancellationToken.None);
            Assert.Equal(seen.Count, Assert.Single(await NotificationTestData.DeliveriesAsync(database)).Attempts);
            _time.Advance(TimeSpan.FromSeconds(1));
            await work.RunOnceAsync(CancellationToken.None);
            var delivery = Assert.Single(await NotificationTestData.DeliveriesAsync(database));
            seen.Add((delivery.Status, delivery.Attempts));
            Assert.Contains("mailbox store is broken", delivery.LastError, StringComparison.Ordinal);
        }

        Assert.Equal([(DeliveryStatus.Pending, 1), (DeliveryStatus.Pending, 2), (DeliveryStatus.Pending, 3), (DeliveryStatus.Failed, 4)], seen);
        Assert.Empty(smtp.Messages);
    }

    [Fact]
    public async Task Webhook_PostsJsonWithText_AndAFailureNeverStoresTheSecretUrl()
    {
        using var listener = WireMockServer.Start();
        listener.Given(Request.Create().WithPath("/hooks/T000/B000/secret-token").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        listener.Given(Request.Create().WithPath("/hooks/broken-secret").UsingPost()).RespondWith(Response.Create().WithStatusCode(500));
        var profileId = await NotificationTestData.AddProfileAsync(database, "growth.demo");
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Webhook($"{listener.Url}/hooks/T000/B000/secret-token", ["budget"]));
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Webhook($"{listener.Url}/hooks/broken-secret", ["budget"]) with { Name = "Broken" });

        await _host.Get<NotificationOutbox>().EnqueueAsync(NotificationKind.Budget, profileId, "Budget spent", "90 % of the monthly credits used.", CancellationToken.None);
        await _host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        var request = Assert.Single(listener.LogEntries, e => e.RequestMessage.Path == "/hooks/T000/B000/secret-token").RequestMessage;
        var body = JsonDocument.Parse(request.Body!).RootElement;
        Assert.Contains("Budget spent", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Contains("90 % of the monthly credits used.", body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("budget", body.GetProperty("event").GetString());
        Assert.Equal("growth.demo", body.GetProperty("profileHandle").GetString());
        Assert.Equal("https://www.tiktok.com/@growth.demo", body.GetProperty("url").GetString());
        var deliveries = await NotificationTestData.DeliveriesAsync(database);
        Assert.Equal(DeliveryStatus.Sent, deliveries.Single(d => d.ChannelName == "Slack").Status);
        var broken = deliveries.Single(d => d.ChannelName == "Broken");
        Assert.Equal(DeliveryStatus.Pending, broken.Status);
        Assert.Contains("500", broken.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("broken-secret", broken.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DashboardUrl_Configured_MailAndWebhookLinkToTheProfilesPage()
    {
        await using var smtp = await TestSmtpServer.StartAsync();
        using var listener = WireMockServer.Start();
        listener.Given(Request.Create().WithPath("/hook").UsingPost()).RespondWith(Response.Create().WithStatusCode(200));
        await using var host = new CoreHost(database, [new("Notifications:DashboardUrl", "https://monitor.example.test/")],
            s => s.AddSingleton<TimeProvider>(_time));
        var profileId = await NotificationTestData.AddProfileAsync(database, "linked.demo");
        await NotificationTestData.CreateAsync(host, NotificationTestData.Email(smtp.Port, ["budget"]));
        await NotificationTestData.CreateAsync(host, NotificationTestData.Webhook($"{listener.Url}/hook", ["budget"]));

        await host.Get<NotificationOutbox>().EnqueueAsync(NotificationKind.Budget, profileId, "Budget spent", "All used.", CancellationToken.None);
        await host.Get<NotificationWork>().RunOnceAsync(CancellationToken.None);

        var page = $"https://monitor.example.test/profiles/{profileId}";
        var mail = await smtp.WaitForMessageAsync();
        Assert.Contains($"Open in the dashboard: {page}", mail.TextBody, StringComparison.Ordinal);
        var body = JsonDocument.Parse(Assert.Single(listener.LogEntries).RequestMessage.Body!).RootElement;
        Assert.Equal(page, body.GetProperty("dashboardUrl").GetString());
        Assert.EndsWith(page, body.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Equal("https://www.tiktok.com/@linked.demo", body.GetProperty("url").GetString());
    }

    [Fact]
    public async Task DueDelivery_ClaimedByTwoDispatchersAtOnce_IsClaimedOnce()
    {
        await NotificationTestData.CreateAsync(_host, NotificationTestData.Webhook("http://127.0.0.1:9/hook", ["budget"]));
        await _host.Get<NotificationOutbox>().EnqueueAsync(NotificationKind.Budget, null, "s", "t", CancellationToken.None);
        await using var other = new CoreHost(database, [], s => s.AddSingleton<TimeProvider>(_time));

        var claims = await Task.WhenAll(
            _host.Get<DeliveryQueue>().ClaimDueAsync(10, CancellationToken.None),
            other.Get<DeliveryQueue>().ClaimDueAsync(10, CancellationToken.None));

        Assert.Equal(1, claims.Sum(c => c.Count));
        var delivery = Assert.Single(await NotificationTestData.DeliveriesAsync(database));
        Assert.Equal(DeliveryStatus.Sending, delivery.Status);
        Assert.Equal(1, delivery.Attempts);
    }

    [Fact]
    public async Task Outbox_ChannelLimitedToAProfile_GetsOnlyThatProfilesMessages()
    {
        var mine = await NotificationTestData.AddProfileAsync(database, "mine.demo");
        var other = await NotificationTestData.AddProfileAsync(database, "other.demo");
        var limited = NotificationTestData.Webhook("http://127.0.0.1:9/hook", ["budget"]) with { ProfileIds = [mine] };
        await NotificationTestData.CreateAsync(_host, limited);
        var outbox = _host.Get<NotificationOutbox>();

        Assert.Equal(1, await outbox.EnqueueAsync(NotificationKind.Budget, mine, "s", "t", CancellationToken.None));
        Assert.Equal(0, await outbox.EnqueueAsync(NotificationKind.Budget, other, "s", "t", CancellationToken.None));
        Assert.Equal(0, await outbox.EnqueueAsync(NotificationKind.Growth, mine, "s", "t", CancellationToken.None));
        await using var db = database.CreateDbContext();
        Assert.Equal(mine, (await db.NotificationDeliveries.SingleAsync()).ProfileId);
    }
}

public sealed class SqliteNotificationDeliveryTests(SqliteDatabase database) : NotificationDeliveryTests<SqliteDatabase>(database);

public sealed class PostgresNotificationDeliveryTests(PostgresDatabase database) : NotificationDeliveryTests<PostgresDatabase>(database);
