using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// The isolation matrices' routes, read from the running app's endpoint data source (so a route added later is tested
/// without a line here), and the addresses that aim each at workspace B's rows.
/// </summary>
internal static partial class IsolationRoutes
{
    public static List<(string Method, string Pattern)> Of(IServiceProvider services, Func<string, bool> include) =>
        [.. services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && include(Normalized(raw)))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Select(m => (m, Normalized(e.RoutePattern.RawText!))))
            .Distinct()
            .OrderBy(r => r.Item2, StringComparer.Ordinal)];

    /// <summary>
    /// The pattern with B's ids in its parameters: one address per id of B's (each Guid with a long beside it), a
    /// <c>{hash}</c> B's cached image; a pattern without parameters is its own one address.
    /// </summary>
    public static IEnumerable<Uri> Addresses(string pattern, WorkspaceBSeed b)
    {
        ArgumentNullException.ThrowIfNull(b);
        if (!pattern.Contains('{', StringComparison.Ordinal))
        {
            return [new Uri(pattern, UriKind.Relative)];
        }

        var count = Math.Max(b.Guids.Count, b.Longs.Count);
        return Enumerable.Range(0, count).Select(i => new Uri(Parameter().Replace(pattern, m => (m.Groups["n"].Value, m.Groups["c"].Value) switch
        {
            (_, "guid") => b.Guids[i % b.Guids.Count].ToString(),
            (_, "long" or "int") => b.Longs[i % b.Longs.Count].ToString(System.Globalization.CultureInfo.InvariantCulture),
            ("hash", _) => b.MediaHashB,
            _ => "x",
        }), UriKind.Relative)).Distinct();
    }

    /// <summary>The first of B's names the text holds, or null.</summary>
    public static string? SecretIn(string text) =>
        WorkspaceBSeed.Secrets.FirstOrDefault(secret => text.Contains(secret, StringComparison.OrdinalIgnoreCase));

    // Razor pages' patterns have no leading slash.
    private static string Normalized(string raw) => raw.StartsWith('/') ? raw : "/" + raw;

    [GeneratedRegex(@"\{\*{0,2}(?<n>[^}:?]+)(:(?<c>[^}?]+))?\??\}")]
    private static partial Regex Parameter();
}
