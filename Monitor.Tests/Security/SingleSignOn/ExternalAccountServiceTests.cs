using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.SingleSignOn;
using Monitor.Core.Identity;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>A provider's sign-in becomes one of the app's users, on both databases: created, found again, linked, refused.</summary>
public abstract class ExternalAccountServiceTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly string[] Admins = ["monitor-admins"];
    private static readonly string[] Viewers = ["monitor-viewers"];

    public Task InitializeAsync() => database.MigrateAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Resolve_FirstThenSecondSignIn_CreatesOnceAndFollowsTheGroups()
    {
        await using var host = NewHost(createUnknownUsers: true);
        var accounts = host.Get<ExternalAccountService>();

        var first = await accounts.ResolveAsync(Identity("sub-ann", "ann", Viewers), CancellationToken.None);
        var second = await accounts.ResolveAsync(Identity("sub-ann", "ann", Admins), CancellationToken.None);

        Assert.True(first.Created);
        Assert.Equal(MonitorRoles.Viewer, first.Role);
        Assert.False(second.Created);
        Assert.Equal(first.User!.Id, second.User!.Id);
        Assert.Equal([MonitorRoles.Admin], await RolesOfAsync(host, second.User.Id));
    }

    [Fact]
    public async Task Resolve_NoMappedGroup_RefusedAndNothingCreated()
    {
        await using var host = NewHost(createUnknownUsers: true);

        var outcome = await host.Get<ExternalAccountService>().ResolveAsync(Identity("sub-eve", "eve", ["sales"]), CancellationToken.None);

        Assert.Equal(ExternalSignInOutcome.NoRole, outcome.Refusal);
        Assert.Null(await FindAsync(host, "eve"));
    }

    [Fact]
    public async Task Resolve_UnknownUserWhenCreationIsOff_Refused()
    {
        await using var host = NewHost(createUnknownUsers: false);

        var outcome = await host.Get<ExternalAccountService>().ResolveAsync(Identity("sub-sam", "sam", Admins), CancellationToken.None);

        Assert.Equal(ExternalSignInOutcome.UnknownUser, outcome.Refusal);
        Assert.Null(await FindAsync(host, "sam"));
    }

    [Fact]
    public async Task Resolve_LocalUserWithTheVerifiedEmail_IsLinkedNotDuplicated()
    {
        await using var host = NewHost(createUnknownUsers: false);
        var local = await CreateLocalAsync(host, "carol-local", "carol@example.com");

        var outcome = await host.Get<ExternalAccountService>().ResolveAsync(
            Identity("sub-carol", "carol", Admins, "carol@example.com"), CancellationToken.None);
        var unverified = await host.Get<ExternalAccountService>().ResolveAsync(
            Identity("sub-mallory", "mallory", Admins, "carol@example.com", verified: false), CancellationToken.None);

        Assert.Equal(local.Id, outcome.User?.Id);
        Assert.Equal(ExternalSignInOutcome.UnknownUser, unverified.Refusal);
        using var scope = host.Services.CreateScope();
        var logins = await scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>().GetLoginsAsync(local);
        Assert.Equal("sub-carol", Assert.Single(logins).ProviderKey);
    }

    [Fact]
    public async Task Resolve_NameTakenByALocalUser_CreatesANumberedNameInstead()
    {
        await using var host = NewHost(createUnknownUsers: true);
        var local = await CreateLocalAsync(host, "dave", email: null);

        var outcome = await host.Get<ExternalAccountService>().ResolveAsync(Identity("sub-dave", "dave", Viewers), CancellationToken.None);

        Assert.NotEqual(local.Id, outcome.User?.Id);
        Assert.Equal("dave-2", outcome.User?.UserName);
    }

    private static ExternalIdentity Identity(string subject, string name, string[] groups, string? email = null, bool verified = true) =>
        new("oidc", subject, name, email, verified, groups);

    private CoreHost NewHost(bool createUnknownUsers) => new(database, [], services =>
    {
        services.Configure<SingleSignOnOptions>(o =>
        {
            o.Enabled = true;
            o.CreateUnknownUsers = createUnknownUsers;
            o.RoleMappings["monitor-admins"] = MonitorRoles.Admin;
            o.RoleMappings["monitor-viewers"] = MonitorRoles.Viewer;
        });
        services.AddSingleton<ExternalAccountService>();
    });

    private static async Task<MonitorUser> CreateLocalAsync(CoreHost host, string name, string? email)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        var user = new MonitorUser { UserName = name, Email = email };
        Assert.True((await users.CreateAsync(user, "local-password-1")).Succeeded);
        return user;
    }

    private static async Task<MonitorUser?> FindAsync(CoreHost host, string name)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>().FindByNameAsync(name);
    }

    private static async Task<IList<string>> RolesOfAsync(CoreHost host, string userId)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<MonitorUser>>();
        return await users.GetRolesAsync((await users.FindByIdAsync(userId))!);
    }
}

public sealed class PostgresExternalAccountServiceTests(PostgresDatabase database) : ExternalAccountServiceTests<PostgresDatabase>(database);

public sealed class SqliteExternalAccountServiceTests(SqliteDatabase database) : ExternalAccountServiceTests<SqliteDatabase>(database);
