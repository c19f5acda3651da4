using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using Monitor.Core.Media;
using Monitor.Core.Notifications;
using Monitor.Core.Reports;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Notifications;

namespace Monitor.Tests.Reports;

/// <summary>
/// The hourly schedule on a frozen clock, on both databases: a report goes out once its week is over and its send hour has
/// come in its zone, once a period, to a real SMTP listener, with the PDF attached and the charts inline.
/// </summary>
public abstract class ReportJobTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(ReportTestData.Utc(11, 30, 6));
    private CoreHost _host = null!;
    private TestSmtpServer _smtp = null!;

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        await using (var db = database.CreateDbContext())
        {
            await db.NotificationChannels.ExecuteDeleteAsync();
        }

        _smtp = await TestSmtpServer.StartAsync();
        _host = new CoreHost(database, [new("Monitoring:TimeZone", "UTC")], services => services.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    [Fact]
    public async Task RunOnce_SendsEachPeriodOnceAfterItsSendHour()
    {
        var definitionId = await SeedDefinitionAsync();

        Assert.Equal(0, await RunAtAsync(ReportTestData.Utc(11, 30, 6, 59)));
        Assert.Empty(_smtp.Messages);

        Assert.Equal(1, await RunAtAsync(ReportTestData.Utc(11, 30, 7)));
        var mail = await _smtp.WaitForMessageAsync();
        Assert.Contains("Week 48, Mon 23 – Sun 29 Nov 2026 (Europe/Berlin)", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(["client@example.test"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Empty(mail.Bcc);
        Assert.Equal(["archive@example.test", "client@example.test"], _smtp.EnvelopeRecipients[mail].Order(StringComparer.Ordinal));
        var attachment = Assert.Single(mail.Attachments.OfType<MimePart>());
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        Assert.Equal("Weekly-client-report-2026-11-23.pdf", attachment.FileName);
        using (var pdf = new MemoryStream())
        {
            await attachment.Content!.DecodeToAsync(pdf);
            Assert.Equal("%PDF"u8.ToArray(), pdf.ToArray()[..4]);
        }

        var inline = mail.BodyParts.OfType<MimePart>().Where(p => p.ContentType.MimeType == "image/png").ToList();
        Assert.Equal(2, inline.Count);
        Assert.All(inline, p => Assert.Contains($"cid:{p.ContentId}", mail.HtmlBody, StringComparison.Ordinal));
        Assert.Contains("Followers gained", mail.HtmlBody, StringComparison.Ordinal);

        Assert.Equal(0, await RunAtAsync(ReportTestData.Utc(11, 30, 8)));
        Assert.Equal(0, await RunAtAsync(ReportTestData.Utc(12, 7, 6)));
        Assert.Equal(1, await RunAtAsync(ReportTestData.Utc(12, 7, 7)));
        await _smtp.WaitForMessageAsync(m => m.Subject?.Contains("Week 49", StringComparison.Ordinal) == true);
        Assert.Equal(2, _smtp.Messages.Count);

        var sent = await _host.Get<ReportService>().ListSentAsync(definitionId, CancellationToken.None);
        Assert.NotNull(sent);
        Assert.Equal([new DateOnly(2026, 11, 30), new DateOnly(2026, 11, 23)], sent.Select(s => s.PeriodStart));
        Assert.All(sent, s => Assert.Equal("sent", s.EmailStatus));
        Assert.Equal(new DateOnly(2026, 11, 30), (await _host.Get<ReportService>().GetAsync(definitionId, CancellationToken.None))!.LastSentPeriodStart);
    }

    [Fact]
    public async Task RunOnce_SmtpRefuses_StoresTheReportAndRetriesUpToTheLimit()
    {
        var definitionId = await SeedDefinitionAsync();
        _smtp.Refuse = true;

        for (var attempt = 0; attempt < ReportDelivery.MaxEmailAttempts + 1; attempt++)
        {
            await RunAtAsync(ReportTestData.Utc(11, 30, 7 + attempt));
        }

        var sent = Assert.Single((await _host.Get<ReportService>().ListSentAsync(definitionId, CancellationToken.None))!);
        Assert.Equal("failed", sent.EmailStatus);
        Assert.NotNull(sent.EmailError);
        await using var db = database.CreateDbContext();
        Assert.Equal(ReportDelivery.MaxEmailAttempts, (await db.Set<SentReport>().SingleAsync(r => r.DefinitionId == definitionId)).EmailAttempts);
        Assert.NotNull(await _host.Get<ReportService>().SentPdfAsync(sent.Id, CancellationToken.None));

        _time.SetUtcNow(new DateTimeOffset(ReportTestData.Utc(11, 30, 7).AddDays(366)));
        Assert.Null(await _host.Get<ReportService>().SentPdfAsync(sent.Id, CancellationToken.None));
    }

    [Fact]
    public async Task SendNow_RacingTheSchedule_StoresThePeriodOnceAndNeverThrows()
    {
        var definitionId = await SeedDefinitionAsync();
        _time.SetUtcNow(new DateTimeOffset(ReportTestData.Utc(11, 30, 7)));
        var delivery = _host.Get<ReportDelivery>();

        var results = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Task.Run(() => delivery.DeliverAsync(definitionId, null, resend: i % 2 == 0, CancellationToken.None))));

        Assert.All(results, r => Assert.Equal(ReportProblem.None, r.Problem));
        await using var db = database.CreateDbContext();
        var stored = await db.Set<SentReport>().SingleAsync(r => r.DefinitionId == definitionId);
        Assert.Equal(ReportEmailStatus.Sent, stored.EmailStatus);
        Assert.InRange(stored.EmailAttempts, 1, 6);
    }

    private async Task<Guid> SeedDefinitionAsync()
    {
        var (profileId, _) = await ReportTestData.SeedProfileAsync(database, _host.Get<IMediaBlobStore>(), "rep.job");
        var channel = await NotificationTestData.CreateAsync(_host, NotificationTestData.Email(_smtp.Port));
        var created = await _host.Get<ReportService>().CreateAsync(new ReportInput("Weekly client report", profileId, null, "weekly", "Europe/Berlin", "monday", 8,
            ["client@example.test"], ["archive@example.test"], channel.Id, true), CancellationToken.None);
        Assert.True(created.Succeeded, created.Message);
        return created.Report!.Id;
    }

    private async Task<int> RunAtAsync(DateTime nowUtc)
    {
        _time.SetUtcNow(new DateTimeOffset(nowUtc));
        return await ReportJob.RunOnceAsync(_host.Services, nowUtc, CancellationToken.None);
    }
}

public sealed class PostgresReportJobTests(PostgresDatabase database) : ReportJobTests<PostgresDatabase>(database);

public sealed class SqliteReportJobTests(SqliteDatabase database) : ReportJobTests<SqliteDatabase>(database);
