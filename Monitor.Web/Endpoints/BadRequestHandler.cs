using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;
using Monitor.Web.Endpoints.Bodies;

namespace Monitor.Web.Endpoints;

/// <summary>
/// A body or parameter the route cannot read is the client's error: minimal APIs throw it (see
/// <see cref="ApiBodyServiceCollectionExtensions"/>) and the exception handler would otherwise answer 500. It answers
/// its own 4xx as a problem; a body the serializer refused gets the field and what it needs (<see cref="JsonBodyErrors"/>).
/// </summary>
internal sealed class BadRequestHandler(IProblemDetailsService problems, IOptions<JsonOptions> json) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is not BadHttpRequestException bad)
        {
            return false;
        }

        httpContext.Response.StatusCode = bad.StatusCode;
        if (bad.InnerException is JsonException refused)
        {
            // The handler runs with the endpoint cleared from the context; the feature keeps the one that threw.
            var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
            var bodyType = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
            var error = JsonBodyErrors.Describe(refused, bodyType, json.Value.SerializerOptions);
            return await problems.TryWriteAsync(new ProblemDetailsContext
            {
                HttpContext = httpContext,
                ProblemDetails = new HttpValidationProblemDetails(new Dictionary<string, string[]> { [error.Field.Length == 0 ? "body" : error.Field] = [error.Message] })
                {
                    Status = bad.StatusCode,
                    Title = "The body is not valid",
                    Detail = error.Message,
                },
            });
        }

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
