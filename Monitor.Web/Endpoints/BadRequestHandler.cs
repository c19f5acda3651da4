using Microsoft.AspNetCore.Diagnostics;

namespace Monitor.Web.Endpoints;

/// <summary>
/// A body or parameter the route cannot read is the client's error in every environment: in Development minimal APIs
/// throw it (to show it) and the exception handler would otherwise answer 500. It answers its own 4xx as a problem.
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails =
            {
                Status = bad.StatusCode,
                Title = "Bad request",
                Detail = bad.Message,
            },
        });
    }
}
