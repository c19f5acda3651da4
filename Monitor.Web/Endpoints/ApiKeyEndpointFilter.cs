using Monitor.Core.Settings;

namespace Monitor.Web.Endpoints;

/// <summary>Every /api route requires <c>X-Api-Key</c>; the answer is the same 401 whether the key is missing or wrong.</summary>
internal sealed class ApiKeyEndpointFilter(ApiKeyStore keys) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var presented = context.HttpContext.Request.Headers[HeaderName].ToString();
        if (!keys.Matches(presented))
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized",
                detail: $"Send the API key in the {HeaderName} header. It is shown on the Settings page.");
        }

        return await next(context);
    }
}
