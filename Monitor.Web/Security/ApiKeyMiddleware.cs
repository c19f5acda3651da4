using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;
using Monitor.Core.ApiKeys;

namespace Monitor.Web.Security;

/// <summary>
/// The door of /api: wrong-key throttling per IP, the key itself (X-Api-Key only: a signed-in browser session is not an
/// API credential, so no cross-site request can ride a cookie into the API), the body size limit, and no-store on
/// every keyed answer. The per-key rate limit runs next, partitioned on the key found here.
/// </summary>
public sealed class ApiKeyMiddleware(RequestDelegate next, ApiKeyService keys, ApiKeyFailureThrottle throttle, IOptions<SecurityOptions> options)
{
    public const string HeaderName = "X-Api-Key";

    public async Task InvokeAsync(HttpContext context)
    {
        context.Response.Headers.CacheControl = "no-store";
        var client = context.Connection.RemoteIpAddress;
        if (throttle.RetryAfter(client) is { } wait)
        {
            await TooManyFailuresAsync(context, wait);
            return;
        }

        var presented = context.Request.Headers[HeaderName];
        var key = presented.Count == 1 ? await keys.AuthenticateAsync(presented[0], context.RequestAborted) : null;
        if (key is null)
        {
            if (throttle.RecordFailure(client) is { } blocked)
            {
                await TooManyFailuresAsync(context, blocked);
                return;
            }

            await SecurityProblem.WriteAsync(context, StatusCodes.Status401Unauthorized, "Unauthorized",
                $"Send a valid API key in the {HeaderName} header. An admin creates keys on the Settings page.");
            return;
        }

        var limit = options.Value.MaxApiBodyBytes;
        if (context.Request.ContentLength > limit)
        {
            await SecurityProblem.WriteAsync(context, StatusCodes.Status413PayloadTooLarge, "Request body too large",
                $"The body has {context.Request.ContentLength} bytes; the API accepts at most {limit}.");
            return;
        }

        // A body without a length (chunked) is cut off by the server once it passes the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit;
        }

        context.SetApiKey(key);
        await next(context);
    }

    private static Task TooManyFailuresAsync(HttpContext context, TimeSpan wait) =>
        SecurityProblem.WriteAsync(context, StatusCodes.Status429TooManyRequests, "Too many requests with a wrong API key",
            "This address sent too many wrong or missing API keys; wait before trying again.", wait);
}
