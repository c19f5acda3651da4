using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Credits;
using Monitor.Core.Notifications;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Notifications;

namespace Monitor.Tests.Credits;

/// <summary>
/// A workspace's own budget on a frozen clock: 80 % and 100 % each queue one delivery a month, to the workspace's own
/// budget channels only, through the same check the ledger writer runs after each charged batch.
/// </summary>
public abstract class WorkspaceBudgetAlertTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly DateOnly Nov29 = new(2026, 11, 29);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero));

    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
        await CreditTestData.ResetAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WorkspaceCrossesEightyPercent_OneWarningForItsOwnBudgetChannel_NoneForTheOtherWorkspace()
    {
        await using var host = NewHost();
        var (a, b) = (await AddWorkspaceAsync("alpha", 10), await AddWorkspaceAsync("beta", 10));
        var (profileA, _) = (await AddLinkedProfileAsync(a), await AddLinkedProfileAsync(b));
        var ownChannel = await AddChannelAsync(a, NotificationEvents.Budget);
        var ownOtherEvents = await AddChannelAsync(a, NotificationEvents.RunFailed);
        var otherChannel = await AddChannelAsync(b, NotificationEvents.Budget);
        var alerts = host.Get<CreditAlerts>();

        await SeedAsync(profileA, 7);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        var belowEighty = await DeliveriesAsync();
        await SeedAsync(profileA, 1);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        await SeedAsync(profileA, 1);
        await alerts.CheckBudgetAsync(CancellationToken.None);

        Assert.Empty(belowEighty);
        var warning = Assert.Single(await DeliveriesAsync());
        Assert.Equal((ownChannel, NotificationKind.Budget), (warning.ChannelId!.Value, warning.Kind));
        Assert.Equal($"Workspace {a.Name}: credit budget 80 % spent", warning.Subject);
        Assert.Contains($"The workspace {a.Name} has used 80 %", warning.Text, StringComparison.Ordinal);
        Assert.Contains("8 of 10 credits this month (80 %; the calendar month November 2026 in UTC, from the 1st)", warning.Text, StringComparison.Ordinal);
        Assert.Contains("profiles it shares with a workspace that has budget left still run", warning.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(await DeliveriesAsync(), d => d.ChannelId == otherChannel || d.ChannelId == ownOtherEvents);
    }

    [Fact]
    public async Task WorkspaceBudgetSpent_OneSpentAlertForItsOwnChannel_SayingItsOwnProfilesAreSkipped()
    {
        await using var host = NewHost();
        var (a, b) = (await AddWorkspaceAsync("gamma", 10), await AddWorkspaceAsync("delta", 1_000));
        var profileA = await AddLinkedProfileAsync(a);
        var ownChannel = await AddChannelAsync(a, NotificationEvents.Budget);
        var otherChannel = await AddChannelAsync(b, NotificationEvents.Budget);
        var alerts = host.Get<CreditAlerts>();

        await SeedAsync(profileA, 8);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        await SeedAsync(profileA, 3);
        await alerts.CheckBudgetAsync(CancellationToken.None);
        await alerts.CheckBudgetAsync(CancellationToken.None);

        var deliveries = await DeliveriesAsync();
        Assert.Equal([ownChannel, ownChannel], deliveries.Select(d => d.ChannelId!.Value));
        var spent = deliveries[1];
        Assert.Equal($"Workspace {a.Name}: credit budget spent, its own profiles' scheduled runs skipped", spent.Subject);
        Assert.Contains("11 of 10 credits this month (110 %; the calendar month November 2026 in UTC, from the 1st)", spent.Text, StringComparison.Ordinal);
        Assert.Contains("Scheduled runs of the profiles only this workspace watches are skipped", spent.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(deliveries, d => d.ChannelId == otherChannel);
        Assert.Equal(CreditBudgetLevel.Ok, (await host.Get<CreditBudgetService>().GetStatusAsync(CancellationToken.None)).Level);
    }

    private CoreHost NewHost() => new(database, [], services => services.AddSingleton<TimeProvider>(_time));

    private async Task<Workspace> AddWorkspaceAsync(string name, int budget)
    {
        await using var db = database.CreateDbContext();
        var workspace = new Workspace { Name = $"{name}-{Guid.NewGuid():N}"[..16], MonthlyCreditBudget = budget, CreatedAt = DateTime.UtcNow };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace;
    }

    private async Task<Guid> AddLinkedProfileAsync(Workspace workspace)
    {
        await using var db = database.CreateDbContext();
        var now = _time.GetUtcNow().UtcDateTime;
        var profile = new TiktokProfile { Handle = $"p_{Guid.NewGuid():N}"[..16], CreatedAt = now, UpdatedAt = now };
        db.Profiles.Add(profile);
        db.Set<WorkspaceProfile>().Add(new WorkspaceProfile { WorkspaceId = workspace.Id, ProfileId = profile.Id, AddedAt = now });
        await db.SaveChangesAsync();
        return profile.Id;
    }

    private async Task<Guid> AddChannelAsync(Workspace workspace, NotificationEvents events)
    {
        await using var db = database.CreateDbContext();
        var now = _time.GetUtcNow().UtcDateTime;
        var channel = new NotificationChannel
        {
            WorkspaceId = workspace.Id,
            Name = $"{workspace.Name} hook",
            Kind = NotificationChannelKind.Webhook,
            Events = events,
            WebhookHost = "hooks.example.test",
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.NotificationChannels.Add(channel);
        await db.SaveChangesAsync();
        return channel.Id;
    }

    private async Task SeedAsync(Guid profileId, int credits)
    {
        await using var db = database.CreateDbContext();
        await CreditTestData.SeedAsync(db, Nov29, 1, profileId, rows: credits);
    }

    private Task<List<NotificationDelivery>> DeliveriesAsync() => NotificationTestData.DeliveriesAsync(database);
}

public sealed class PostgresWorkspaceBudgetAlertTests(PostgresDatabase database) : WorkspaceBudgetAlertTests<PostgresDatabase>(database);

public sealed class SqliteWorkspaceBudgetAlertTests(SqliteDatabase database) : WorkspaceBudgetAlertTests<SqliteDatabase>(database);
