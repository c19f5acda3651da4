using Monitor.Web.Security;
using Scalar.AspNetCore;

namespace Monitor.Web.Endpoints.OpenApi;

/// <summary>
/// The REST API described by ASP.NET Core's OpenAPI support at <see cref="DocumentPath"/>, with an interactive
/// reference (Scalar, served from the app itself) at <see cref="ReferencePath"/>.
/// </summary>
internal static class ApiDocumentation
{
    public const string DocumentName = "v1";
    public const string DocumentPath = "/openapi/v1.json";
    public const string ReferencePath = "/api-reference";

    /// <summary>Signed in, or calling with an API key: a client generator fetches the document with the key it will use.</summary>
    public const string ReaderPolicy = "api-document-reader";

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services)
    {
        services.AddAuthorizationBuilder().AddPolicy(ReaderPolicy, policy => policy.RequireAssertion(context =>
            context.User.Identity?.IsAuthenticated == true || (context.Resource as HttpContext)?.GetApiKey() is not null));
        return services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
        });
    }

    /// <summary>A request for the document that carries a key goes through the API's key door (ApiKeyMiddleware).</summary>
    public static bool IsKeyedDocumentRequest(HttpContext context) =>
        context.Request.Path.StartsWithSegments("/openapi") && context.Request.Headers.ContainsKey(ApiKeyMiddleware.HeaderName);

    /// <summary>The document and the reference page, both behind sign-in; the document also opens to an API key.</summary>
    public static void MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json").RequireAuthorization(ReaderPolicy);
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("TikTok Profile Monitor API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .WithDotNetFlag(false)
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.SecuritySchemeName))
            .RequireAuthorization();
    }
}
