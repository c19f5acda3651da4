using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Monitor.Core.Common.Json;

/// <summary>The JSON conventions of the REST API: camelCase names and enums, flattened members (see <see cref="FlatteningModifier"/>).</summary>
public static class MonitorJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(FlatteningModifier.Apply)
            .WithAddedModifier(Insights.Engagement.EngagementRatesJson.Apply);
    }

    /// <summary>Options configured as the API's, for code outside ASP.NET Core (tests, command-line output).</summary>
    public static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
