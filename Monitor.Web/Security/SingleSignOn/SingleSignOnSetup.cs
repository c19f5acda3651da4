using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Monitor.Core.Accounts.SingleSignOn;
using Monitor.Web.Security.Accounts;

namespace Monitor.Web.Security.SingleSignOn;

/// <summary>
/// The OpenID Connect handler beside the local accounts: authorization code flow with PKCE; the provider's answer lands in
/// Identity's short-lived external cookie, and <see cref="SingleSignOnEndpoints"/> turns it into the app's normal sign-in.
/// </summary>
internal static class SingleSignOnSetup
{
    public const string Scheme = OpenIdConnectDefaults.AuthenticationScheme;

    public static void AddMonitorSingleSignOn(this AuthenticationBuilder authentication, IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(SingleSignOnOptions.Section);
        services.AddOptions<SingleSignOnOptions>().Bind(section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SingleSignOnOptions>, SingleSignOnOptionsValidator>();
        services.AddSingleton<ExternalAccountService>();
        services.AddSingleton<SignInEvents>();
        services.AddSingleton<SingleSignOnSignOut>();
        if (section.Get<SingleSignOnOptions>() is not { Enabled: true })
        {
            return;
        }

        authentication.AddOpenIdConnect(Scheme, _ => { });
        services.AddOptions<OpenIdConnectOptions>(Scheme).Configure<IOptions<SingleSignOnOptions>>((oidc, sso) => Configure(oidc, sso.Value));
    }

    private static void Configure(OpenIdConnectOptions oidc, SingleSignOnOptions sso)
    {
        oidc.Authority = sso.Authority;
        oidc.ClientId = sso.ClientId;
        oidc.ClientSecret = string.IsNullOrEmpty(sso.ClientSecret) ? null : sso.ClientSecret;

        // Discovery over plain http only for a provider on this machine (a test or a side-car); anywhere else the
        // validator has already refused http.
        oidc.RequireHttpsMetadata = !Uri.TryCreate(sso.Authority, UriKind.Absolute, out var authority) || !authority.IsLoopback;
        oidc.ResponseType = OpenIdConnectResponseType.Code;
        oidc.UsePkce = true;

        // The code comes back on a top-level GET: the correlation and nonce cookies can then be SameSite=Lax, and are
        // Secure whenever the request is (forwarded headers make a TLS-terminating proxy's requests https).
        oidc.ResponseMode = OpenIdConnectResponseMode.Query;
        oidc.CorrelationCookie.SameSite = SameSiteMode.Lax;
        oidc.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        oidc.NonceCookie.SameSite = SameSiteMode.Lax;
        oidc.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;

        oidc.SignInScheme = IdentityConstants.ExternalScheme;

        // The ID token is kept in the app's cookie (see SingleSignOnEndpoints) as the hint for the provider's sign-out.
        oidc.SignOutScheme = IdentityConstants.ApplicationScheme;
        oidc.SaveTokens = true;
        oidc.MapInboundClaims = false;
        oidc.GetClaimsFromUserInfoEndpoint = false;
        oidc.Scope.Clear();
        foreach (var scope in sso.Scopes.Prepend("openid").Distinct(StringComparer.Ordinal))
        {
            oidc.Scope.Add(scope);
        }

        oidc.Events.OnRedirectToIdentityProviderForSignOut = context =>
        {
            context.ProtocolMessage.IdTokenHint ??= SingleSignOnSignOut.IdTokenHintOf(context.HttpContext);
            return Task.CompletedTask;
        };
        oidc.Events.OnRemoteFailure = async context =>
        {
            // A refused consent, a stale state or an unreachable provider: back to the sign-in page with a message, not a 500.
            await context.HttpContext.RequestServices.GetRequiredService<SignInEvents>().FailedAsync(context.HttpContext, null, null,
                SignInEvents.SingleSignOnMethod, context.Failure?.Message ?? "remote failure", context.HttpContext.RequestAborted);
            context.Response.Redirect("/account/login?error=" + ExternalSignInOutcome.Failed);
            context.HandleResponse();
        };
    }
}
