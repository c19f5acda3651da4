using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.SingleSignOn;
using Monitor.Core.Identity;
using Monitor.Core.Workspaces;
using Monitor.Web.Security.Accounts;

namespace Monitor.Web.Security.SingleSignOn;

/// <summary>
/// The sign-in page's "Sign in with ..." button starts here; the provider's answer, once the handler has checked it and
/// put it in the external cookie, comes back to <see cref="CompletePath"/> and becomes the app's normal sign-in cookie,
/// the same as a local sign-in, so roles, circuits and revalidation work unchanged.
/// </summary>
internal static class SingleSignOnEndpoints
{
    public const string StartPath = "/account/sso";
    public const string CompletePath = "/account/sso/complete";
    public const string IdTokenName = "id_token";

    public static IEndpointRouteBuilder MapSingleSignOnEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, Start).AllowAnonymous();
        app.MapGet(CompletePath, CompleteAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy);
        return app;
    }

    private static Results<ChallengeHttpResult, RedirectHttpResult> Start(string? returnUrl, IOptions<SingleSignOnOptions> options, SignInManager<MonitorUser> signIn)
    {
        if (!options.Value.Enabled)
        {
            return TypedResults.LocalRedirect("/account/login");
        }

        var complete = $"{CompletePath}?returnUrl={Uri.EscapeDataString(AccountEndpoints.SafeReturnUrl(returnUrl))}";
        var properties = signIn.ConfigureExternalAuthenticationProperties(SingleSignOnSetup.Scheme, complete);
        return TypedResults.Challenge(properties, [SingleSignOnSetup.Scheme]);
    }

    private static async Task<RedirectHttpResult> CompleteAsync(
        string? returnUrl, HttpContext context, SignInManager<MonitorUser> signIn, ExternalAccountService accounts,
        SignInEvents events, WorkspaceService workspaces, IOptions<SingleSignOnOptions> options, CancellationToken cancellationToken)
    {
        var external = await context.AuthenticateAsync(IdentityConstants.ExternalScheme);
        await context.SignOutAsync(IdentityConstants.ExternalScheme);
        var identity = external is { Succeeded: true, Principal: { } principal } ? SingleSignOnClaims.Read(principal, options.Value.GroupsClaim) : null;
        if (identity is null)
        {
            await events.FailedAsync(context, null, null, SignInEvents.SingleSignOnMethod, "no provider answer or no subject claim", cancellationToken);
            return Refused(ExternalSignInOutcome.Failed);
        }

        var outcome = await accounts.ResolveAsync(identity, cancellationToken);
        var who = identity.PreferredName ?? identity.Email ?? identity.Subject;
        if (outcome.User is not { } user)
        {
            await events.FailedAsync(context, null, who, SignInEvents.SingleSignOnMethod, outcome.Refusal ?? ExternalSignInOutcome.Failed, cancellationToken);
            return Refused(outcome.Refusal ?? ExternalSignInOutcome.Failed);
        }

        await workspaces.JoinFirstIfNoneAsync(user.Id, cancellationToken);
        var properties = new AuthenticationProperties();
        if (external.Properties?.GetTokenValue(IdTokenName) is { } idToken)
        {
            properties.StoreTokens([new AuthenticationToken { Name = IdTokenName, Value = idToken }]);
        }

        await signIn.SignInAsync(user, properties, SignInEvents.SingleSignOnMethod);
        await events.SucceededAsync(context, user.Id, user.UserName ?? who, SignInEvents.SingleSignOnMethod, cancellationToken, outcome.Role, outcome.Created);
        return TypedResults.LocalRedirect(AccountEndpoints.SafeReturnUrl(returnUrl));
    }

    private static RedirectHttpResult Refused(string code) => TypedResults.LocalRedirect($"/account/login?error={code}");
}
