using Bunit;
using Monitor.Core.Accounts;
using Monitor.Core.Notifications;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Notifications;
using Monitor.Web.Components.Time;

namespace Monitor.Tests.Notifications;

/// <summary>The Notifications page: the delivery log in the browser's zone, and editing for admins only.</summary>
public sealed class NotificationsPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task DeliveryLog_ShowsEachDeliveryInTheUsersZone_WithItsStatusAndError()
    {
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            db.NotificationDeliveries.Add(new NotificationDelivery
            {
                ChannelName = "Ops mail",
                Kind = NotificationKind.RunFailed,
                Subject = "@x: monitoring failed",
                Text = "t",
                Status = DeliveryStatus.Failed,
                Attempts = 4,
                LastError = "554 mailbox store is broken",
                CreatedAt = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc),
                NextAttemptAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var page = _context.Bunit.Render<NotificationsPage>(p => p.AddCascadingValue(UserTimeZone.FromId("America/New_York")));

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=delivery-row]")), Deadline);
        Assert.Equal("2026-07-01 08:00:00 (UTC-04:00)", page.Find("[data-testid=delivery-time]").TextContent);
        Assert.Contains("failed", page.Find("[data-testid=delivery-status]").TextContent, StringComparison.Ordinal);
        Assert.Contains("554 mailbox store is broken", page.Find("[data-testid=delivery-row]").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find("[data-testid=add-channel]"));
        Assert.NotNull(page.Find("[data-testid=save-settings]"));
    }

    [Fact]
    public void Viewer_SeesTheRulesButCannotEdit()
    {
        _context.Authorization.SetRoles(MonitorRoles.Viewer);

        var page = _context.Bunit.Render<NotificationsPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=notifications-viewer]")), Deadline);
        Assert.Empty(page.FindAll("[data-testid=add-channel]"));
        Assert.Empty(page.FindAll("[data-testid=save-settings]"));
        Assert.NotNull(page.Find("[data-testid=failures-before-alert]"));
    }
}
