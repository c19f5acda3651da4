using Microsoft.AspNetCore.Diagnostics;
using Monitor.Core.Data;

namespace Monitor.Web.Endpoints;

/// <summary>
/// An API call that meets a database error answers what it is: 503 with a problem detail (and Retry-After), never a
/// 404 or a bare 500. The error itself is logged here, once; the client gets no driver message.
/// </summary>
internal sealed class DatabaseUnavailableHandler(IProblemDetailsService problems, ILogger<DatabaseUnavailableHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (!DatabaseErrors.IsDatabaseError(exception))
        {
            return false;
        }

        logger.LogError(exception, "Database error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "10";
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = "The database could not complete the request; nothing was changed by the failed step. Try again shortly.",
            },
        });
    }
}
