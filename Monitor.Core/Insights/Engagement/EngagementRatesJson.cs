using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace Monitor.Core.Insights.Engagement;

/// <summary>
/// A System.Text.Json contract modifier for <see cref="JsonEngagementRatesAttribute"/>: the API's field names of the rates
/// come from their definition (<c>engagementRateByViews</c>…), and the OpenAPI document, built from the same contracts, shows them.
/// </summary>
public static class EngagementRatesJson
{
    public static void Apply(JsonTypeInfo typeInfo)
    {
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var owner = typeInfo.Properties[i];
            if (owner.PropertyType != typeof(EngagementRates) || owner.AttributeProvider is not ICustomAttributeProvider provider
                || !provider.IsDefined(typeof(JsonEngagementRatesAttribute), inherit: false))
            {
                continue;
            }

            var ownerGet = owner.Get ?? throw new InvalidOperationException($"{owner.Name} has no getter.");
            typeInfo.Properties.RemoveAt(i);
            foreach (var (definition, offset) in EngagementRateDefinition.All.Select((d, n) => (d, n)))
            {
                var property = typeInfo.CreateJsonPropertyInfo(typeof(double?), definition.JsonName);
                property.Get = o => ownerGet(o) is EngagementRates rates ? rates[definition] : null;
                typeInfo.Properties.Insert(i + offset, property);
            }
        }
    }
}
