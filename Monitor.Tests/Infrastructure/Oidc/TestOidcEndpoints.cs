using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Monitor.Tests.Infrastructure.Oidc;

/// <summary>The test provider's own pages: the login form, and the authorization and end-session steps OpenIddict passes through.</summary>
internal static class TestOidcEndpoints
{
    public static void MapTestOidcEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizeAsync);
        app.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)SignOutAsync);
        app.MapGet("/login", (string? returnUrl, TestOidcProvider provider) =>
        {
            provider.CountLoginPage();
            return LoginPage(returnUrl, error: null);
        });
        app.MapPost("/login", SignInAsync).DisableAntiforgery();
    }

    private static async Task<IResult> AuthorizeAsync(HttpContext context, TestOidcProvider provider)
    {
        var request = context.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var session = await context.AuthenticateAsync(TestOidcProvider.CookieScheme);
        var user = session.Succeeded ? provider.FindUser(session.Principal?.Identity?.Name) : null;
        if (user is null)
        {
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = context.Request.PathBase + context.Request.Path + context.Request.QueryString },
                [TestOidcProvider.CookieScheme]);
        }

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, user.Subject)
            .SetClaim(Claims.Name, user.UserName)
            .SetClaim(Claims.PreferredUsername, user.UserName)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, true)
            .SetClaims("groups", [.. user.Groups]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> SignOutAsync(HttpContext context)
    {
        await context.SignOutAsync(TestOidcProvider.CookieScheme);

        // OpenIddict redirects to the client's registered post_logout_redirect_uri.
        return Results.SignOut(new AuthenticationProperties { RedirectUri = "/" }, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static async Task<IResult> SignInAsync(HttpContext context, TestOidcProvider provider)
    {
        var form = await context.Request.ReadFormAsync();
        var returnUrl = form["returnUrl"].ToString();
        var user = provider.FindUser(form["username"].ToString());
        if (user is null)
        {
            return LoginPage(returnUrl, "No such user at the test provider.");
        }

        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.UserName)], TestOidcProvider.CookieScheme));
        await context.SignInAsync(TestOidcProvider.CookieScheme, principal);
        return Results.LocalRedirect(returnUrl.StartsWith("/connect/authorize", StringComparison.Ordinal) ? returnUrl : "/");
    }

    private static IResult LoginPage(string? returnUrl, string? error) => Results.Content(
        $"""
        <!doctype html>
        <html><head><title>Test IdP sign-in</title></head>
        <body>
          <h1 data-testid="idp-login">Test IdP</h1>
          {(error is null ? string.Empty : $"<p data-testid=\"idp-error\">{WebUtility.HtmlEncode(error)}</p>")}
          <form method="post" action="/login">
            <input type="hidden" name="returnUrl" value="{WebUtility.HtmlEncode(returnUrl ?? "/")}" />
            <label>User name <input name="username" data-testid="idp-username" /></label>
            <button type="submit" data-testid="idp-submit">Sign in</button>
          </form>
        </body></html>
        """,
        "text/html");
}
