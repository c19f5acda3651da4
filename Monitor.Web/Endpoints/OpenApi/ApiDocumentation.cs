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

    public static IServiceCollection AddApiDocumentation(this IServiceCollection services) =>
        services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer<ApiDocumentTransformer>();
            options.AddOperationTransformer<ApiOperationTransformer>();
        });

    public static void MapApiDocumentation(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapScalarApiReference(ReferencePath, options => options
            .WithTitle("TikTok Profile Monitor API")
            .WithOpenApiRoutePattern("/openapi/{documentName}.json")
            .DisableDefaultFonts()
            .DisableTelemetry()
            .DisableAgent()
            .DisableMcp()
            .HideDeveloperTools()
            .WithDotNetFlag(false)
            .AddPreferredSecuritySchemes(ApiDocumentTransformer.SecuritySchemeName));
    }
}
