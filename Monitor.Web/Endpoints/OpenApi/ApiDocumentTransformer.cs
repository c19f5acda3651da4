using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Monitor.Web.Endpoints.OpenApi;

/// <summary>Names the API, declares the <c>X-Api-Key</c> scheme and requires it on every operation.</summary>
internal sealed class ApiDocumentTransformer : IOpenApiDocumentTransformer
{
    public const string SecuritySchemeName = "ApiKey";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "TikTok Profile Monitor API",
            Version = "v1",
            Description = "Profiles, their posts with metrics history, and monitoring runs. Every route needs the "
                + $"`{Security.ApiKeyMiddleware.HeaderName}` header. Errors are RFC 9457 problem details.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SecuritySchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Security.ApiKeyMiddleware.HeaderName,
            Description = "An API key: an admin creates one on Settings (shown once), or MONITOR_API_KEY.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SecuritySchemeName, document)] = [] });
        return Task.CompletedTask;
    }
}
