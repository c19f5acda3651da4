using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.Options;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security;

/// <summary>
/// With Security:AllowLoopbackWithoutSignIn, a request from this machine that is not signed in acts as a local admin.
/// A request that came through a proxy (X-Forwarded-For still present, or rewritten by forwarded headers to a remote
/// address) is not loopback and still has to sign in.
/// </summary>
public sealed class LoopbackSignInMiddleware(RequestDelegate next, IOptions<SecurityOptions> options)
{
    public const string AuthenticationType = "Loopback";
    public const string UserName = "local";

    public Task InvokeAsync(HttpContext context)
    {
        if (options.Value.AllowLoopbackWithoutSignIn
            && context.User.Identity?.IsAuthenticated != true
            && IsLoopback(context))
        {
            context.User = new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.Name, UserName), new Claim(ClaimTypes.Role, MonitorRoles.Admin)],
                AuthenticationType, ClaimTypes.Name, ClaimTypes.Role));
        }

        return next(context);
    }

    private static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip) && !context.Request.Headers.ContainsKey("X-Forwarded-For");
}
