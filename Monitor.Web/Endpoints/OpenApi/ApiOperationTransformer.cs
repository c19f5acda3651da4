using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Monitor.Web.Endpoints.OpenApi;

/// <summary>Adds the answer every keyed route can give (401) and an example to each request body that has one.</summary>
internal sealed class ApiOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.Responses ??= [];
        operation.Responses.TryAdd("401", ProblemResponse("The X-Api-Key header is missing or wrong."));
        var route = context.Description.RelativePath ?? "";
        var method = context.Description.HttpMethod ?? "";
        if (ApiExamples.RequestBody(method, route) is { } example
            && operation.RequestBody?.Content is { } content
            && content.TryGetValue("application/json", out var json))
        {
            json.Example = JsonNode.Parse(example);
        }

        return Task.CompletedTask;
    }

    private static OpenApiResponse ProblemResponse(string description) => new()
    {
        Description = description,
        Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails") },
        },
    };
}
