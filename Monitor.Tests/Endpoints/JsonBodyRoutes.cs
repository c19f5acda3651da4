using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Tests.Endpoints;

/// <summary>
/// Every API route of the running app that reads a JSON body, from its endpoint data source: a route added later is in
/// the list without a line in any test.
/// </summary>
public static partial class JsonBodyRoutes
{
    public static List<JsonBodyRoute> All(IServiceProvider services) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .Select(e => (Endpoint: e, Accepts: e.Metadata.GetMetadata<IAcceptsMetadata>()))
            .Where(e => e.Accepts is { RequestType: not null } accepts && accepts.ContentTypes.Contains("application/json", StringComparer.OrdinalIgnoreCase))
            .SelectMany(e => (e.Endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => new JsonBodyRoute(m, e.Endpoint.RoutePattern.RawText!, e.Accepts!.RequestType!)))];

    /// <summary>The pattern with its parameters filled: a guid with <paramref name="profileId"/>, a number with 1.</summary>
    public static Uri Fill(JsonBodyRoute route, Guid profileId)
    {
        ArgumentNullException.ThrowIfNull(route);
        return new Uri(RouteParameter().Replace(route.Pattern, m => m.Groups["constraint"].Value switch
        {
            "guid" => profileId.ToString(),
            "long" or "int" => "1",
            _ => "x",
        }), UriKind.Relative);
    }

    [GeneratedRegex(@"\{(?<name>[^}:]+)(:(?<constraint>[^}]+))?\}")]
    private static partial Regex RouteParameter();
}
