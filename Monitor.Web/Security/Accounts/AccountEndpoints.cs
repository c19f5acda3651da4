using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;
using Monitor.Core.Accounts.SingleSignOn;
using Monitor.Core.Audit;
using Monitor.Core.Identity;
using Monitor.Web.Security.SingleSignOn;

namespace Monitor.Web.Security.Accounts;

/// <summary>
/// The account forms post here: a cookie can only be set on an HTTP response, never from a circuit. Each form carries
/// an antiforgery token (checked for every [FromForm] endpoint), comes from the app's own origin (OriginCheckMiddleware)
/// and answers with a redirect to a page.
/// </summary>
internal static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapPost("/login", SignInAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy);
        account.MapPost("/setup", SetupAsync).AllowAnonymous().RequireRateLimiting(RateLimits.SignInPolicy);
        account.MapPost("/logout", SignOutAsync).AllowAnonymous();
        account.MapPost("/password", ChangePasswordAsync).RequireAuthorization();
        app.MapSingleSignOnEndpoints();
        return app;
    }

    private static async Task<RedirectHttpResult> SignInAsync(
        [FromForm] SignInForm form, HttpContext context, SignInManager<MonitorUser> signIn, AccountService accounts, SignInEvents events,
        IOptions<SingleSignOnOptions> sso, CancellationToken cancellationToken)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        if (!LocalSignInAllowed(sso.Value))
        {
            await events.FailedAsync(context, null, Bounded(form.UserName), SignInEvents.LocalMethod, LocalSignInOff, cancellationToken);
            return TypedResults.LocalRedirect($"/account/login?error={LocalSignInOff}");
        }

        if (!await accounts.AnyUserAsync(cancellationToken))
        {
            return TypedResults.LocalRedirect("/setup");
        }

        var userName = Bounded(form.UserName);
        var result = await signIn.PasswordSignInAsync(userName, Bounded(form.Password), form.RememberMe, lockoutOnFailure: true);
        var user = await signIn.UserManager.FindByNameAsync(userName);
        var error = result.IsLockedOut ? "locked" : "invalid";
        if (result.Succeeded)
        {
            await events.SucceededAsync(context, user?.Id, user?.UserName ?? userName.Trim(), SignInEvents.LocalMethod, cancellationToken);
            return TypedResults.LocalRedirect(returnUrl);
        }

        await events.FailedAsync(context, user?.Id, user?.UserName ?? userName, SignInEvents.LocalMethod, SignInFailure(result, user), cancellationToken);
        return TypedResults.LocalRedirect($"/account/login?error={error}&returnUrl={Uri.EscapeDataString(returnUrl)}");
    }

    private static async Task<RedirectHttpResult> SetupAsync(
        [FromForm] SetupForm form, SignInManager<MonitorUser> signIn, AccountService accounts, IOptions<SingleSignOnOptions> sso, CancellationToken cancellationToken)
    {
        if (!LocalSignInAllowed(sso.Value))
        {
            return TypedResults.LocalRedirect($"/account/login?error={LocalSignInOff}");
        }

        if (await accounts.AnyUserAsync(cancellationToken))
        {
            return TypedResults.LocalRedirect("/account/login");
        }

        if (form.Password != form.ConfirmPassword)
        {
            return TypedResults.LocalRedirect("/setup?error=mismatch");
        }

        var created = await accounts.CreateFirstAdminAsync(Bounded(form.UserName), Bounded(form.Password), cancellationToken);
        if (!created.Succeeded)
        {
            var code = AccountMessages.CodeOf(created);
            return TypedResults.LocalRedirect(code == "setup-done" ? "/account/login" : $"/setup?error={code}");
        }

        var user = await signIn.UserManager.FindByNameAsync(Bounded(form.UserName).Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        return TypedResults.LocalRedirect("/");
    }

    private static async Task<Results<RedirectHttpResult, SignOutHttpResult>> SignOutAsync(
        [FromForm] string? returnUrl, HttpContext context, SignInManager<MonitorUser> signIn, SingleSignOnSignOut sso, AuditTrail audit,
        CancellationToken cancellationToken)
    {
        _ = returnUrl;
        if (context.User.Identity?.IsAuthenticated == true)
        {
            var actor = audit.CurrentActor;
            await audit.RecordAsync(AuditActions.SignedOut, AuditTarget.User(actor.Id, actor.Name), AuditChange.None, cancellationToken);
        }

        var atProvider = await sso.ProviderSignOutAsync(context, cancellationToken);
        await signIn.SignOutAsync();
        return atProvider is null
            ? TypedResults.LocalRedirect("/account/login")
            : TypedResults.SignOut(atProvider.Properties, [atProvider.Scheme]);
    }

    private static async Task<RedirectHttpResult> ChangePasswordAsync([FromForm] ChangePasswordForm form, HttpContext context, SignInManager<MonitorUser> signIn,
        AuditTrail audit, CancellationToken cancellationToken)
    {
        var user = await signIn.UserManager.GetUserAsync(context.User);
        if (user is null)
        {
            return TypedResults.LocalRedirect("/account/password?error=no-account");
        }

        if (!await signIn.UserManager.HasPasswordAsync(user))
        {
            return TypedResults.LocalRedirect("/account/password?error=sso-account");
        }

        if (form.NewPassword != form.ConfirmPassword)
        {
            return TypedResults.LocalRedirect("/account/password?error=mismatch");
        }

        var changed = await signIn.UserManager.ChangePasswordAsync(user, Bounded(form.CurrentPassword), Bounded(form.NewPassword));
        if (!changed.Succeeded)
        {
            var code = changed.Errors.Any(e => e.Code == "PasswordMismatch") ? "current" : AccountMessages.CodeOf(changed);
            return TypedResults.LocalRedirect($"/account/password?error={code}");
        }

        await audit.RecordAsync(AuditActions.PasswordChanged, AuditTarget.User(user.Id, user.UserName), AuditChange.None, cancellationToken);

        // The security stamp changed: other sessions of this user end at their next check; this one gets a fresh cookie.
        await signIn.RefreshSignInAsync(user);
        return TypedResults.LocalRedirect("/account/password?status=done");
    }

    internal const string LocalSignInOff = "local-off";

    /// <summary>Why a sign-in failed, in words for the audit log (never the password).</summary>
    private static string SignInFailure(Microsoft.AspNetCore.Identity.SignInResult result, MonitorUser? user) => result switch
    {
        { IsLockedOut: true } => "locked out after too many failed attempts",
        { IsNotAllowed: true } => "not allowed to sign in",
        _ when user is null => "unknown user name",
        _ => "wrong password",
    };

    /// <summary>With single sign-on on and Authentication:Oidc:LocalSignIn false, passwords open nothing.</summary>
    internal static bool LocalSignInAllowed(SingleSignOnOptions sso) => !sso.Enabled || sso.LocalSignIn;

    /// <summary>Only a path on this site: a return URL pointing elsewhere would make the sign-in page an open redirect.</summary>
    internal static string SafeReturnUrl(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            && !returnUrl.StartsWith("/\\", StringComparison.Ordinal) && !returnUrl.StartsWith("/account/", StringComparison.OrdinalIgnoreCase)
            ? returnUrl
            : "/";

    /// <summary>
    /// Form values longer than any real name or password become empty before they reach Identity's hashing: a
    /// sign-in then fails and a new password is refused as too short, instead of being cut silently.
    /// </summary>
    private static string Bounded(string? value) => value is { Length: <= 256 } ? value : string.Empty;
}
