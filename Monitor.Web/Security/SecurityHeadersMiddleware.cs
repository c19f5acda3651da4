using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Web.Security;

/// <summary>
/// Headers on every response. The policy fits Blazor Server and MudBlazor: scripts only from the app itself plus the
/// import map Blazor writes inline (allowed by a per-request nonce); inline styles are allowed because MudBlazor sets
/// style attributes from script; the circuit's WebSocket is same-origin; images may come from TikTok's CDNs.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, IOptions<SingleSignOnOptions> singleSignOn)
{
    private static readonly object NonceKey = new();

    public static string? NonceOf(HttpContext? context) =>
        context?.Items.TryGetValue(NonceKey, out var nonce) == true ? nonce as string : null;

    public Task InvokeAsync(HttpContext context)
    {
        var nonce = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;

        // Set as the response starts: an error handler that clears the response must not drop them.
        context.Response.OnStarting(() =>
        {
            Apply(context.Response.Headers, ScriptSource(context.Request, nonce), FormAction(singleSignOn.Value));
            return Task.CompletedTask;
        });

        return next(context);
    }

    /// <summary>
    /// The API reference page (Scalar, behind sign-in) starts itself with an inline module script that carries no
    /// nonce; only that page may run inline script.
    /// </summary>
    private static string ScriptSource(HttpRequest request, string nonce) =>
        request.Path.StartsWithSegments("/api-reference") ? "'self' 'unsafe-inline'" : $"'self' 'nonce-{nonce}'";

    /// <summary>
    /// The sign-out form's answer redirects to the identity provider's end-session endpoint, and a browser holds a
    /// form's redirects to form-action too: the configured provider's origin is allowed, no other.
    /// </summary>
    private static string FormAction(SingleSignOnOptions singleSignOn) =>
        singleSignOn.Enabled && Uri.TryCreate(singleSignOn.Authority, UriKind.Absolute, out var authority)
            ? $"'self' {authority.GetLeftPart(UriPartial.Authority)}"
            : "'self'";

    private static void Apply(IHeaderDictionary headers, string scriptSource, string formAction)
    {
        headers.ContentSecurityPolicy =
            "default-src 'self'; " +
            $"script-src {scriptSource}; " +
            "style-src 'self' 'unsafe-inline'; " +
            "img-src 'self' data: blob: https:; " +
            "font-src 'self' data:; " +
            "connect-src 'self'; " +
            "object-src 'none'; base-uri 'self'; " +
            $"form-action {formAction}; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        // Not no-referrer: under it a browser sends "Origin: null" with the app's own form posts, which the origin check refuses.
        // A page that posts no form may ask for the stricter policy (the shared pages, whose URL is their secret).
        if (!headers.ContainsKey("Referrer-Policy"))
        {
            headers["Referrer-Policy"] = "same-origin";
        }
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
    }
}
