using Microsoft.Extensions.Options;

namespace Monitor.Web.Security;

/// <summary>
/// A browser sends Origin on every cross-site POST and WebSocket handshake. The Blazor hub (negotiate and the socket)
/// and every form post must come from the app's own pages: anything else is a page on another site trying to drive a
/// circuit or submit a form with the user's cookie, and gets 403. The API (key in a header, no cookie) is not concerned.
/// </summary>
public sealed class OriginCheckMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (Concerns(context.Request) && !IsAllowed(context.Request))
        {
            await SecurityProblem.WriteAsync(context, StatusCodes.Status403Forbidden, "Foreign origin",
                "This request came from a page of another site.");
            return;
        }

        await next(context);
    }

    private static bool Concerns(HttpRequest request) =>
        request.Path.StartsWithSegments("/_blazor")
        || (!request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method));

    private bool IsAllowed(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (string.IsNullOrEmpty(origin))
        {
            // Browsers always send it on these requests; a client without it is not a browser page, so carries no victim's cookie.
            return true;
        }

        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri))
        {
            return false;
        }

        // The host (and port) must be this app's; the scheme may differ behind a TLS-terminating proxy.
        return string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase)
            || options.Value.AllowedOrigins.Any(o => string.Equals(o.TrimEnd('/'), origin, StringComparison.OrdinalIgnoreCase));
    }
}
