using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Notifications;
using Monitor.Core.Notifications.Channels;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Settings;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>Channels and clean tables for the notification tests.</summary>
internal static class NotificationTestData
{
    public static ChannelInput Email(int port, string[]? events = null, string? user = null, string? password = null) => new()
    {
        Name = "Ops mail",
        Kind = "email",
        Events = events,
        SmtpHost = "127.0.0.1",
        SmtpPort = port,
        SmtpTls = "none",
        SmtpUser = user,
        SmtpPassword = password,
        From = "monitor@example.test",
        To = ["ops@example.test", "lead@example.test"],
    };

    public static ChannelInput Webhook(string url, string[]? events = null) => new() { Name = "Slack", Kind = "webhook", WebhookUrl = url, Events = events };

    public static async Task<ChannelView> CreateAsync(CoreHost host, ChannelInput input)
    {
        var change = await host.Get<ChannelService>().CreateAsync(input, CancellationToken.None);
        Assert.True(change.Saved, string.Join("; ", change.Errors.SelectMany(e => e.Value)));
        return change.Channel!;
    }

    /// <summary>A profile row as the app stores it (no upstream lookup: the tests' clock may be frozen).</summary>
    public static async Task<Guid> AddProfileAsync(TestDatabase database, string handle)
    {
        await using var db = database.CreateDbContext();
        var profile = new Core.Profiles.TiktokProfile { Handle = handle, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    public static async Task ClearAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        await db.NotificationDeliveries.ExecuteDeleteAsync();
        await db.NotificationChannels.ExecuteDeleteAsync();
        await db.RunNotificationEvents.ExecuteDeleteAsync();
        await db.NotificationDigestDays.ExecuteDeleteAsync();
        await db.WorkspaceAlertRules.ExecuteDeleteAsync();
        await db.AppSettings.Where(s => s.Key.StartsWith("notifications.")).ExecuteDeleteAsync();
        await db.Profiles.ExecuteDeleteAsync();
    }

    public static async Task<List<NotificationDelivery>> DeliveriesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.NotificationDeliveries.AsNoTracking().OrderBy(d => d.Id).ToListAsync();
    }

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, string what, int seconds = 30)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }

            await Task.Delay(50);
        }
    }

    public static MonitorDbContext Db(TestDatabase database) => database.CreateDbContext();
}
