using Monitor.Core.Notifications;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Workspaces;

namespace Monitor.Tests.Notifications;

/// <summary>
/// The thresholds page lists, and the thresholds API answers for, only the profiles the current workspace watches: a
/// profile only workspace B watches is neither listed nor readable for A, even by an admin of both whose current is A.
/// </summary>
public abstract class ProfileThresholdChoicesTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public async Task InitializeAsync()
    {
        await database.MigrateAsync();
        await NotificationTestData.ClearAsync(database);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task ProfileWatchedOnlyByB_NotListedOrReadableForAsAdmin()
    {
        await using var host = new CoreHost(database, []);
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(database, "alpha"), await WorkspaceRows.AddWorkspaceAsync(database, "beta"));
        var ofA = await WorkspaceRows.AddProfileAsync(database, "only_a", a);
        var shared = await WorkspaceRows.AddProfileAsync(database, "shared", a, b);
        var ofB = await WorkspaceRows.AddProfileAsync(database, "only_b", b);
        var thresholds = host.Get<ProfileThresholdService>();
        var accessor = host.Get<WorkspaceScopeAccessor>();

        var listed = new List<IReadOnlyList<Guid>>();
        var readableB = new List<bool>();
        foreach (var roles in new[] { Admin(a), Admin(a, b) })
        {
            var scope = new WorkspaceScope();
            scope.Restrict(roles, a);
            accessor.Current = scope;
            listed.Add([.. (await thresholds.ProfileChoicesAsync(CancellationToken.None)).Select(p => p.Id)]);
            readableB.Add(await thresholds.GetAsync(ofB, CancellationToken.None) is not null);
        }

        var asB = new WorkspaceScope();
        asB.Restrict(Admin(a, b), b);
        accessor.Current = asB;
        var listedForB = (await thresholds.ProfileChoicesAsync(CancellationToken.None)).Select(p => p.Id).ToHashSet();
        accessor.Current = null;

        Assert.All(listed, ids => Assert.Equal(new HashSet<Guid> { ofA, shared }, ids.ToHashSet()));
        Assert.Equal([false, false], readableB);
        Assert.Equal(new HashSet<Guid> { shared, ofB }, listedForB);
    }

    private static Dictionary<Guid, WorkspaceRole> Admin(params Guid[] ids) => ids.ToDictionary(id => id, _ => WorkspaceRole.Admin);
}

public sealed class PostgresProfileThresholdChoicesTests(PostgresDatabase database) : ProfileThresholdChoicesTests<PostgresDatabase>(database);

public sealed class SqliteProfileThresholdChoicesTests(SqliteDatabase database) : ProfileThresholdChoicesTests<SqliteDatabase>(database);
