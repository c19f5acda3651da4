using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Monitor.Tests.Infrastructure.Oidc;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a loopback port: discovery, authorization code flow with
/// PKCE, signed ID tokens carrying a <c>groups</c> claim, a login page, and end-session. The test chooses who exists
/// and in which groups (<see cref="SetUser"/>); the browser signs in on the login page by typing the user name.
/// </summary>
public sealed class TestOidcProvider : IAsyncDisposable
{
    public const string CookieScheme = "test-idp";
    public const string ClientId = "monitor";
    public const string ClientSecret = "test-idp-client-secret-0123456789";

    private readonly string _databasePath = Path.Combine(Path.GetTempPath(), $"test-idp-{Guid.NewGuid():N}.db");
    private readonly ConcurrentDictionary<string, TestOidcUser> _users = new(StringComparer.Ordinal);
    private WebApplication? _app;

    /// <summary>The issuer, e.g. <c>http://127.0.0.1:40123/</c>: the app's Authentication:Oidc:Authority.</summary>
    public Uri Authority { get; private set; } = new("http://127.0.0.1/");

    /// <summary>How many times the login page was shown: a sign-in that skipped it rode an existing provider session.</summary>
    public int LoginPagesShown => _loginPagesShown;

    private int _loginPagesShown;

    public static async Task<TestOidcProvider> StartAsync()
    {
        var provider = new TestOidcProvider();
        await provider.StartHostAsync();
        return provider;
    }

    /// <summary>Adds or replaces a user; a changed group list shows in the next ID token.</summary>
    public TestOidcUser SetUser(string userName, params string[] groups)
    {
        var user = new TestOidcUser(userName, "sub-" + userName, $"{userName}@idp.test", groups);
        _users[userName] = user;
        return user;
    }

    public TestOidcUser? FindUser(string? userName) => userName is not null && _users.TryGetValue(userName, out var user) ? user : null;

    internal void CountLoginPage() => Interlocked.Increment(ref _loginPagesShown);

    /// <summary>The app at <paramref name="app"/> as a confidential client with its callback and signed-out URIs.</summary>
    public async Task RegisterClientAsync(Uri app)
    {
        ArgumentNullException.ThrowIfNull(app);
        await using var scope = Host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = ClientId,
            ClientSecret = ClientSecret,
            ClientType = ClientTypes.Confidential,
            ConsentType = ConsentTypes.Implicit,
            DisplayName = "TikTok Profile Monitor",
            RedirectUris = { new Uri(app, "signin-oidc") },
            PostLogoutRedirectUris = { new Uri(app, "signout-callback-oidc") },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.Endpoints.EndSession,
                Permissions.GrantTypes.AuthorizationCode, Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + "groups",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        };
        if (await applications.FindByClientIdAsync(ClientId) is { } existing)
        {
            await applications.DeleteAsync(existing);
        }

        await applications.CreateAsync(descriptor);
    }

    /// <summary>The settings that point the app at this provider, mapping the given groups to roles.</summary>
    public Dictionary<string, string?> AppSettings(IReadOnlyDictionary<string, string> roleMappings, bool createUnknownUsers = true, bool localSignIn = true)
    {
        ArgumentNullException.ThrowIfNull(roleMappings);
        var settings = new Dictionary<string, string?>
        {
            ["Authentication:Oidc:Enabled"] = "true",
            ["Authentication:Oidc:Authority"] = Authority.ToString(),
            ["Authentication:Oidc:ClientId"] = ClientId,
            ["Authentication:Oidc:ClientSecret"] = ClientSecret,
            ["Authentication:Oidc:Scopes:0"] = "groups",
            ["Authentication:Oidc:CreateUnknownUsers"] = createUnknownUsers ? "true" : "false",
            ["Authentication:Oidc:LocalSignIn"] = localSignIn ? "true" : "false",
            ["Authentication:Oidc:DisplayName"] = "Test IdP",
        };
        foreach (var (group, role) in roleMappings)
        {
            settings[$"Authentication:Oidc:RoleMappings:{group}"] = role;
        }

        return settings;
    }

    private WebApplication Host => _app ?? throw new InvalidOperationException("The provider is not started.");

    private async Task StartHostAsync()
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Services.AddSingleton(this);
        builder.Services.AddDbContext<TestOidcDbContext>(o => o.UseSqlite($"Data Source={_databasePath}").UseOpenIddict());
        builder.Services.AddAuthentication(CookieScheme).AddCookie(CookieScheme, o =>
        {
            // Cookies ignore ports: a name of its own keeps the provider's session apart from the app's on 127.0.0.1.
            o.Cookie.Name = "test-idp.session";
            o.LoginPath = "/login";
        });
        builder.Services.AddAuthorization();
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<TestOidcDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetEndSessionEndpointUris("connect/logout");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapTestOidcEndpoints();
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<TestOidcDbContext>().Database.EnsureCreatedAsync();
        }

        await app.StartAsync();
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Authority = new Uri(address.TrimEnd('/') + "/");
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        File.Delete(_databasePath);
    }
}
