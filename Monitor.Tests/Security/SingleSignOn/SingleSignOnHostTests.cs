using System.Net;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Infrastructure.Oidc;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>The app's side of single sign-on over HTTP: start-up validation, the page without local sign-in, and the proxy.</summary>
public sealed class SingleSignOnHostTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    private const string Secret = "never-in-a-message-0123456789";

    [Fact]
    public async Task Start_IncompleteSettings_FailsNamingEachSetting_NeverTheSecret()
    {
        await using var app = new MonitorAppFactory(database, new()
        {
            ["Authentication:Oidc:Enabled"] = "true",
            ["Authentication:Oidc:Authority"] = "http://sso.example.com/",
            ["Authentication:Oidc:ClientSecret"] = Secret,
        });

        var error = Record.Exception(() => app.CreateClient());

        var text = Describe(error);
        Assert.Contains("Authentication:Oidc:Authority must use https", text, StringComparison.Ordinal);
        Assert.Contains("Authentication:Oidc:ClientId is required", text, StringComparison.Ordinal);
        Assert.Contains("Authentication:Oidc:RoleMappings is empty", text, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInPage_LocalSignInOff_ShowsOnlyTheProviderButton()
    {
        await using var app = new MonitorAppFactory(database, Settings("http://127.0.0.1:9/", localSignIn: false));
        using var client = app.CreateClient();

        var html = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Contains("data-testid=\"sso-sign-in\"", html, StringComparison.Ordinal);
        Assert.Contains("Sign in with Team SSO", html, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"sign-in-form\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BehindTheProxy_SendsTheProviderThePublicCallbackWithPkce()
    {
        await using var provider = await TestOidcProvider.StartAsync();
        var settings = Settings(provider.Authority.ToString(), localSignIn: true);
        settings["Security:ForwardedHeaders"] = "true";
        await using var app = new MonitorAppFactory(database, settings);
        var address = app.StartKestrel();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = address };
        using var request = new HttpRequestMessage(HttpMethod.Get, "/account/sso?returnUrl=%2Fsettings");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "monitor.example.com");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith(new Uri(provider.Authority, "connect/authorize").ToString(), location, StringComparison.Ordinal);
        Assert.Contains("redirect_uri=" + Uri.EscapeDataString("https://monitor.example.com/signin-oidc"), location, StringComparison.Ordinal);
        Assert.Contains("code_challenge_method=S256", location, StringComparison.Ordinal);
        Assert.Contains("response_type=code", location, StringComparison.Ordinal);
        Assert.DoesNotContain(TestOidcProvider.ClientSecret, location, StringComparison.Ordinal);
        Assert.All(response.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("/signin-oidc?code=forged&state=forged")]
    [InlineData("/signin-oidc?error=access_denied&state=forged")]
    [InlineData("/account/sso/complete?returnUrl=%2F")]
    public async Task Callback_ForgedOrWithoutAProviderAnswer_BackToSignInWithAMessage(string path)
    {
        await using var provider = await TestOidcProvider.StartAsync();
        await using var app = new MonitorAppFactory(database, Settings(provider.Authority.ToString(), localSignIn: true));
        using var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/login?error=sso-failed", response.Headers.Location?.OriginalString);
    }

    private static Dictionary<string, string?> Settings(string authority, bool localSignIn) => new()
    {
        ["Authentication:Oidc:Enabled"] = "true",
        ["Authentication:Oidc:Authority"] = authority,
        ["Authentication:Oidc:ClientId"] = TestOidcProvider.ClientId,
        ["Authentication:Oidc:ClientSecret"] = TestOidcProvider.ClientSecret,
        ["Authentication:Oidc:RoleMappings:team"] = "viewer",
        ["Authentication:Oidc:LocalSignIn"] = localSignIn ? "true" : "false",
        ["Authentication:Oidc:DisplayName"] = "Team SSO",
    };

    private static string Describe(Exception? error) => error switch
    {
        null => "(no error)",
        AggregateException aggregate => string.Join("\n", aggregate.InnerExceptions.Select(Describe)),
        _ => error.Message + "\n" + Describe(error.InnerException).Replace("(no error)", string.Empty, StringComparison.Ordinal),
    };
}
