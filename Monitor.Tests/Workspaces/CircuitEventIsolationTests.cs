using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.LiveEvents;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Web.Workspaces;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// Live events per circuit: two circuits' subscribers, one in workspace A and one in B, and a real run of A's profile
/// (the real client against the fake upstream). A's circuit hears the run's progress and its end (what its page and toast
/// show); B's hears nothing of it. On both databases.
/// </summary>
public abstract class CircuitEventIsolationTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);
    private readonly FakeScrapeCreators _upstream = new();

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync()
    {
        _upstream.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task RunOfAProfile_ReachesTheCircuitOfA_NeverTheCircuitOfB()
    {
        await using var host = NewHost();
        var (a, b) = await TwoWorkspacesAsync(host);
        var profileOfA = await AddProfileToAsync(host, a);
        var profileOfB = await AddProfileToAsync(host, b);
        using var circuitA = host.Services.CreateScope();
        using var circuitB = host.Services.CreateScope();
        var heardByA = Listen(circuitA, a, out var subscriptionA);
        var heardByB = Listen(circuitB, b, out var subscriptionB);
        using var _ = subscriptionA;
        using var __ = subscriptionB;

        Assert.True((await host.RunOnceAsync(profileOfA)).Succeeded);
        await WaitUntilAsync(() => heardByA.Any(e => e.Kind == MonitoringEventKind.Completed));
        // A marker of B's own profile after the run: B's queue is in order, so once it arrives, anything of A's would have.
        host.Get<MonitoringEventHub>().Publish(Marker(profileOfB));
        await WaitUntilAsync(() => heardByB.Any(e => e.ProfileId == profileOfB));

        Assert.All(heardByA, e => Assert.Equal(profileOfA, e.ProfileId));
        Assert.Contains(heardByA, e => e.Kind == MonitoringEventKind.PageCompleted && e.PagesScraped == 1);
        Assert.Contains(heardByA, e => e.Kind == MonitoringEventKind.Started);
        Assert.DoesNotContain(heardByB, e => e.ProfileId == profileOfA);
        Assert.Single(heardByB);
    }

    [Fact]
    public async Task InstanceAdminCircuit_HearsEveryWorkspace()
    {
        await using var host = NewHost();
        var (a, b) = await TwoWorkspacesAsync(host);
        var profileOfA = await AddProfileToAsync(host, a);
        var profileOfB = await AddProfileToAsync(host, b);
        using var circuit = host.Services.CreateScope();
        var heard = new ConcurrentQueue<MonitoringEvent>();
        using var subscription = circuit.ServiceProvider.GetRequiredService<CircuitMonitoringEvents>()
            .Subscribe(e => { heard.Enqueue(e); return Task.CompletedTask; });

        host.Get<MonitoringEventHub>().Publish(Marker(profileOfA));
        host.Get<MonitoringEventHub>().Publish(Marker(profileOfB));

        await WaitUntilAsync(() => heard.Count == 2);
        Assert.Equal([profileOfA, profileOfB], heard.Select(e => e.ProfileId));
    }

    [Fact]
    public async Task Visibility_FollowsLinksAndTheScope()
    {
        await using var host = NewHost();
        var (a, b) = await TwoWorkspacesAsync(host);
        var profile = await AddProfileToAsync(host, b);
        var workspaces = host.Get<WorkspaceService>();
        var time = new FakeTimeProvider();
        var scope = new WorkspaceScope();
        scope.Restrict(new Dictionary<Guid, WorkspaceRole> { [a] = WorkspaceRole.Viewer }, a);
        using var visibility = new CircuitProfileVisibility(scope, workspaces, time);
        Assert.False(await visibility.CanSeeAsync(profile, CancellationToken.None));

        // Linked to A: an event naming it reads the links again, once the last read is a moment old.
        await workspaces.LinkProfileAsync(a, profile, CancellationToken.None);
        time.Advance(CircuitProfileVisibility.MissRereadInterval);
        Assert.True(await visibility.CanSeeAsync(profile, CancellationToken.None));

        // Unlinked again: gone once the set is older than its maximum age.
        await workspaces.UnlinkProfileAsync(a, profile, CancellationToken.None);
        time.Advance(CircuitProfileVisibility.MaxAge);
        Assert.False(await visibility.CanSeeAsync(profile, CancellationToken.None));

        // The circuit switched to B: read at once, whatever the age.
        scope.Restrict(new Dictionary<Guid, WorkspaceRole> { [b] = WorkspaceRole.Viewer }, b);
        Assert.True(await visibility.CanSeeAsync(profile, CancellationToken.None));
    }

    private CoreHost NewHost() => new(database, _upstream.Settings, services =>
    {
        services.AddScoped<CircuitProfileVisibility>();
        services.AddScoped<CircuitMonitoringEvents>();
    });

    private static ConcurrentQueue<MonitoringEvent> Listen(IServiceScope circuit, Guid workspace, out IDisposable subscription)
    {
        circuit.ServiceProvider.GetRequiredService<WorkspaceScope>()
            .Restrict(new Dictionary<Guid, WorkspaceRole> { [workspace] = WorkspaceRole.Viewer }, workspace);
        var heard = new ConcurrentQueue<MonitoringEvent>();
        subscription = circuit.ServiceProvider.GetRequiredService<CircuitMonitoringEvents>().Subscribe(e =>
        {
            heard.Enqueue(e);
            return Task.CompletedTask;
        });
        return heard;
    }

    private static async Task<(Guid A, Guid B)> TwoWorkspacesAsync(CoreHost host)
    {
        var service = host.Get<WorkspaceService>();
        var admin = new WorkspaceScope();
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var a = await service.CreateAsync(admin, new WorkspaceInput($"Client A {suffix}", null), CancellationToken.None);
        var b = await service.CreateAsync(admin, new WorkspaceInput($"Client B {suffix}", null), CancellationToken.None);
        Assert.True(a.Succeeded && b.Succeeded, a.Message ?? b.Message);
        return (a.Value!.Id, b.Value!.Id);
    }

    /// <summary>A profile held by this workspace only (the first workspace, where an unscoped add puts it, lets go of it).</summary>
    private async Task<Guid> AddProfileToAsync(CoreHost host, Guid workspace)
    {
        var handle = $"iso.{Guid.NewGuid():N}"[..20];
        _upstream.ServeFixtureCreator(handle);
        var id = await host.AddProfileAsync(handle);
        var service = host.Get<WorkspaceService>();
        await service.LinkProfileAsync(workspace, id, CancellationToken.None);
        foreach (var other in await service.WorkspacesOfProfileAsync(id, CancellationToken.None))
        {
            if (other != workspace)
            {
                await service.UnlinkProfileAsync(other, id, CancellationToken.None);
            }
        }

        return id;
    }

    private static MonitoringEvent Marker(Guid profileId) =>
        new(MonitoringEventKind.Queued, profileId, 0, Monitor.Core.Runs.MonitoringTrigger.Manual, 1, 0, 0, DateTime.UtcNow);

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out waiting for the events");
            await Task.Delay(20);
        }
    }
}

public sealed class PostgresCircuitEventIsolationTests(PostgresDatabase database) : CircuitEventIsolationTests<PostgresDatabase>(database);

public sealed class SqliteCircuitEventIsolationTests(SqliteDatabase database) : CircuitEventIsolationTests<SqliteDatabase>(database);
