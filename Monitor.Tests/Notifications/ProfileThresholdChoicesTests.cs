using Monitor.Core.Notifications;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

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
        var (a, b) = (await AddWorkspaceAsync("alpha"), await AddWorkspaceAsync("beta"));
        var ofA = await AddProfileAsync("only_a", a);
        var shared = await AddProfileAsync("shared", a, b);
        var ofB = await AddProfileAsync("only_b", b);
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

    private async Task<Guid> AddWorkspaceAsync(string name)
    {
        await using var db = database.CreateDbContext();
        var workspace = new Workspace { Name = $"{name}-{Guid.NewGuid():N}"[..16], CreatedAt = DateTime.UtcNow };
        db.Workspaces.Add(workspace);
        await db.SaveChangesAsync();
        return workspace.Id;
    }

    private async Task<Guid> AddProfileAsync(string name, params Guid[] workspaces)
    {
        await using var db = database.CreateDbContext();
        var profile = new TiktokProfile { Handle = $"{name}_{Guid.NewGuid():N}"[..16], CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Profiles.Add(profile);
        db.WorkspaceProfiles.AddRange(workspaces.Select(w => new WorkspaceProfile { WorkspaceId = w, ProfileId = profile.Id, AddedAt = DateTime.UtcNow }));
        await db.SaveChangesAsync();
        return profile.Id;
    }
}

public sealed class PostgresProfileThresholdChoicesTests(PostgresDatabase database) : ProfileThresholdChoicesTests<PostgresDatabase>(database);

public sealed class SqliteProfileThresholdChoicesTests(SqliteDatabase database) : ProfileThresholdChoicesTests<SqliteDatabase>(database);
