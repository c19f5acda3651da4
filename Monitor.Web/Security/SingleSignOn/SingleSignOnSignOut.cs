using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Web.Security.SingleSignOn;

/// <summary>
/// Signing out of the app also ends the session at the provider when the user came through it and the provider
/// advertises an end-session endpoint; otherwise the next "Sign in with ..." would go straight back in.
/// </summary>
internal sealed partial class SingleSignOnSignOut(IOptions<SingleSignOnOptions> options, IOptionsMonitor<OpenIdConnectOptions> handlers, ILogger<SingleSignOnSignOut> logger)
{
    private static readonly object IdTokenKey = new();

    /// <summary>The sign-out to return after the local one, or null when the provider has nothing to end.</summary>
    public async Task<SignOutHttpResultArguments?> ProviderSignOutAsync(HttpContext context, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return null;
        }

        var idToken = await context.GetTokenAsync(IdentityConstants.ApplicationScheme, SingleSignOnEndpoints.IdTokenName);
        if (idToken is null)
        {
            return null;
        }

        try
        {
            var configuration = handlers.Get(SingleSignOnSetup.Scheme).ConfigurationManager is { } manager
                ? await manager.GetConfigurationAsync(cancellationToken)
                : null;
            if (string.IsNullOrEmpty(configuration?.EndSessionEndpoint))
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or InvalidOperationException or IOException or TaskCanceledException)
        {
            // The provider is unreachable: the local sign-out still happens, which is what the user asked for first.
            LogProviderUnreachable(logger, ex.Message);
            return null;
        }

        context.Items[IdTokenKey] = idToken;
        return new SignOutHttpResultArguments(new AuthenticationProperties { RedirectUri = "/account/login" }, SingleSignOnSetup.Scheme);
    }

    /// <summary>The hint the handler sends with the end-session request (the local cookie is already cleared by then).</summary>
    public static string? IdTokenHintOf(HttpContext context) => context.Items.TryGetValue(IdTokenKey, out var token) ? token as string : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Signed out locally only: the identity provider's configuration could not be read ({Message})")]
    private static partial void LogProviderUnreachable(ILogger logger, string message);
}
