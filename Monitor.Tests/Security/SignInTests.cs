using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Accounts;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>Sign-in, as a browser sees it over HTTP, on both databases: every page and the circuit need it.</summary>
public abstract class SignInTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private const string Admin = "env-admin";
    private const string Password = "env-admin-password-1";
    private MonitorAppFactory? _app;

    private MonitorAppFactory App => _app!;

    public Task InitializeAsync()
    {
        _app = new MonitorAppFactory(database, new()
        {
            ["MONITOR_ADMIN_USER"] = Admin,
            ["MONITOR_ADMIN_PASSWORD"] = Password,
            ["Security:LockoutAttempts"] = "3",
        });
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/profiles")]
    [InlineData("/monitoring")]
    [InlineData("/statistics")]
    [InlineData("/settings")]
    [InlineData("/profiles/0b7d6a52-2d5e-4a54-9d0b-6a1f2f4f3c11/export/posts.csv")]
    [InlineData("/api-reference/")]
    [InlineData("/openapi/v1.json")]
    [InlineData("/profiles/0b7d6a52-2d5e-4a54-9d0b-6a1f2f4f3c11")]
    [InlineData("/profiles/0b7d6a52-2d5e-4a54-9d0b-6a1f2f4f3c11?tab=logs")]
    [InlineData("/account/password")]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        using var client = AccountClient.For(App);

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.DoesNotContain("profiles-grid", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPage_Anonymous_Is404WithNothingOfTheApp()
    {
        using var client = AccountClient.For(App);

        var response = await client.GetAsync("/no/such/page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("TikTok", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlazorHub_Anonymous_Refused401_SignedIn_Negotiates()
    {
        using var client = AccountClient.For(App);
        var negotiate = new Uri("/_blazor/negotiate?negotiateVersion=1", UriKind.Relative);

        var anonymous = await client.Http.PostAsync(negotiate, null);
        await client.SignInAsync(Admin, Password);
        var signedIn = await client.Http.PostAsync(negotiate, null);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("connectionToken", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_EnvironmentAdmin_OpensEveryPage()
    {
        using var client = AccountClient.For(App);

        var signIn = await client.SignInAsync(Admin, Password);

        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", signIn.Headers.Location!.OriginalString);
        foreach (var page in new[] { "/", "/monitoring", "/settings", "/account/password" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
        }
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysOnSignInWithAMessage()
    {
        using var client = AccountClient.For(App);

        var response = await client.SignInAsync(Admin, "not-the-password");
        var page = await client.GetAsync(response.Headers.Location!.OriginalString);

        Assert.Equal("/account/login?error=invalid&returnUrl=%2F", response.Headers.Location!.OriginalString);
        Assert.Contains("Wrong user name or password.", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Theory]
    [InlineData("//evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_ForeignReturnUrl_GoesHome(string returnUrl)
    {
        using var client = AccountClient.For(App);

        var response = await client.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = Admin, ["Password"] = Password, ["ReturnUrl"] = returnUrl });

        Assert.Equal("/", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_LocalReturnUrl_IsFollowed()
    {
        using var client = AccountClient.For(App);

        var response = await client.PostFormAsync("/account/login", "/account/login",
            new() { ["UserName"] = Admin, ["Password"] = Password, ["ReturnUrl"] = "/monitoring" });

        Assert.Equal("/monitoring", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithoutAntiforgeryToken_IsRefused()
    {
        using var client = AccountClient.For(App);

        var response = await client.PostFormWithTokenAsync("/account/login", new() { ["UserName"] = Admin, ["Password"] = Password });

        Assert.True((int)response.StatusCode is >= 400 and < 500, $"answered {(int)response.StatusCode}");
        Assert.False(response.Headers.TryGetValues("Set-Cookie", out var cookies) && cookies.Any(c => c.StartsWith("monitor.auth", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task SignIn_RepeatedWrongPasswords_LocksTheAccountOut()
    {
        var (user, password) = await CreateUserAsync("lockout-victim", MonitorRoles.Viewer);
        using var client = AccountClient.For(App);

        for (var i = 0; i < 3; i++)
        {
            await client.SignInAsync(user, "wrong-password-" + i);
        }

        var correct = await client.SignInAsync(user, password);

        Assert.StartsWith("/account/login?error=locked", correct.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var client = AccountClient.For(App);
        await client.SignInAsync(Admin, Password);

        var signOut = await client.PostFormAsync("/settings", "/account/logout", []);

        Assert.Equal("/account/login", signOut.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task ChangePassword_OldPasswordStopsWorking()
    {
        var (user, password) = await CreateUserAsync("changes-password", MonitorRoles.Viewer);
        using var client = AccountClient.For(App);
        await client.SignInAsync(user, password);

        var wrongCurrent = await client.PostFormAsync("/account/password", "/account/password",
            new() { ["CurrentPassword"] = "nope-nope-nope", ["NewPassword"] = "brand-new-password", ["ConfirmPassword"] = "brand-new-password" });
        var tooShort = await client.PostFormAsync("/account/password", "/account/password",
            new() { ["CurrentPassword"] = password, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" });
        var changed = await client.PostFormAsync("/account/password", "/account/password",
            new() { ["CurrentPassword"] = password, ["NewPassword"] = "brand-new-password", ["ConfirmPassword"] = "brand-new-password" });

        Assert.Equal("/account/password?error=current", wrongCurrent.Headers.Location!.OriginalString);
        Assert.Equal("/account/password?error=password", tooShort.Headers.Location!.OriginalString);
        Assert.Equal("/account/password?status=done", changed.Headers.Location!.OriginalString);
        using var other = AccountClient.For(App);
        Assert.StartsWith("/account/login?error=invalid", (await other.SignInAsync(user, password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", (await other.SignInAsync(user, "brand-new-password")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task EnvironmentAdmin_AtNextStart_ResetsPasswordAndLockout()
    {
        using (var client = AccountClient.For(App))
        {
            for (var i = 0; i < 3; i++)
            {
                await client.SignInAsync(Admin, "wrong-password-" + i);
            }

            Assert.StartsWith("/account/login?error=locked", (await client.SignInAsync(Admin, Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        await using var restarted = new MonitorAppFactory(database, new() { ["MONITOR_ADMIN_USER"] = Admin, ["MONITOR_ADMIN_PASSWORD"] = "reset-password-2" });
        using var after = AccountClient.For(restarted);

        Assert.StartsWith("/account/login?error=invalid", (await after.SignInAsync(Admin, Password)).Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal("/", (await after.SignInAsync(Admin, "reset-password-2")).Headers.Location!.OriginalString);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == Admin));
    }

    [Fact]
    public async Task EnvironmentAdmin_NodesStartingTogether_OneAdminAndNoCrash()
    {
        const string user = "race-admin";
        var admin = App.Services.GetRequiredService<EnvironmentAdmin>();
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["MONITOR_ADMIN_USER"] = user, ["MONITOR_ADMIN_PASSWORD"] = "race-admin-password-1" })
            .Build();
        var nodes = Enumerable.Range(0, 4).Select(_ => new EnvironmentAdmin(
            App.Services.GetRequiredService<IServiceScopeFactory>(), configuration, TimeProvider.System,
            Microsoft.Extensions.Logging.Abstractions.NullLogger<EnvironmentAdmin>.Instance)).ToList();

        await Task.WhenAll(nodes.Select(n => n.ApplyAsync(CancellationToken.None)));

        Assert.NotNull(admin);
        await using var db = database.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync(u => u.UserName == user));
        using var client = AccountClient.For(App);
        Assert.Equal("/", (await client.SignInAsync(user, "race-admin-password-1")).Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SetupPage_WhileUsersExist_RedirectsAndCreatesNobody()
    {
        using var client = AccountClient.For(App);
        await using var db = database.CreateDbContext();
        var before = await db.Users.CountAsync();

        var page = await client.GetAsync("/setup");
        var token = await client.TokenAsync("/account/login");
        var post = await client.PostFormWithTokenAsync("/account/setup", new()
        {
            ["__RequestVerificationToken"] = token,
            ["UserName"] = "intruder",
            ["Password"] = "intruder-password",
            ["ConfirmPassword"] = "intruder-password",
        });

        Assert.Equal("/account/login", page.Headers.Location!.AbsolutePath);
        Assert.Equal("/account/login", post.Headers.Location!.OriginalString);
        Assert.Equal(before, await db.Users.CountAsync());
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "intruder"));
    }

    private async Task<(string User, string Password)> CreateUserAsync(string name, string role)
    {
        const string password = "first-password-1";
        var result = await App.Services.GetRequiredService<AccountService>().CreateAsync(name, password, role, CancellationToken.None);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (name, password);
    }
}

public sealed class PostgresSignInTests(PostgresDatabase database) : SignInTests<PostgresDatabase>(database);

public sealed class SqliteSignInTests(SqliteDatabase database) : SignInTests<SqliteDatabase>(database);
