using System.Reflection;
using System.Text.Json.Serialization.Metadata;
using Monitor.Core.Metrics;

namespace Monitor.Core.Common.Json;

/// <summary>
/// A System.Text.Json contract modifier that inlines <see cref="JsonFlattenAttribute"/> and <see cref="JsonMetricsAttribute"/>
/// properties, so the wire keeps the seed's flat shape while the types stay composed. OpenAPI schemas are generated from
/// the same contracts, so they show the flat shape too.
/// </summary>
public static class FlatteningModifier
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
            var replacements = Attribute<JsonMetricsAttribute>(owner) is { } metrics
                ? MetricProperties(typeInfo, owner, metrics.Names)
                : Attribute<JsonFlattenAttribute>(owner) is not null ? NestedProperties(typeInfo, owner) : null;
            if (replacements is null)
            {
                continue;
            }

            typeInfo.Properties.RemoveAt(i);
            foreach (var (replacement, offset) in replacements.Select((p, n) => (p, n)))
            {
                typeInfo.Properties.Insert(i + offset, replacement);
            }
        }
    }

    private static List<JsonPropertyInfo> MetricProperties(JsonTypeInfo typeInfo, JsonPropertyInfo owner, MetricJsonNames names)
    {
        if (owner.PropertyType != typeof(PostMetrics))
        {
            throw new InvalidOperationException($"[JsonMetrics] needs a {nameof(PostMetrics)} property; {owner.Name} is {owner.PropertyType.Name}.");
        }

        var ownerGet = owner.Get ?? throw new InvalidOperationException($"{owner.Name} has no getter.");
        var ownerSet = owner.Set;
        return [.. PostMetrics.All.Select(metric =>
        {
            var property = typeInfo.CreateJsonPropertyInfo(typeof(long?), names == MetricJsonNames.Totals ? metric.TotalJsonName : metric.CountJsonName);
            property.Get = owner => ownerGet(owner) is PostMetrics value ? metric.Get(value) : null;
            if (ownerSet is not null)
            {
                property.Set = (owner, value) => ownerSet(owner, metric.With(ownerGet(owner) as PostMetrics? ?? default, (long?)value));
            }

            return property;
        })];
    }

    private static List<JsonPropertyInfo> NestedProperties(JsonTypeInfo typeInfo, JsonPropertyInfo owner)
    {
        var ownerGet = owner.Get ?? throw new InvalidOperationException($"{owner.Name} has no getter.");
        var nested = typeInfo.Options.GetTypeInfo(owner.PropertyType);
        return [.. nested.Properties.Select(inner =>
        {
            var innerGet = inner.Get ?? throw new InvalidOperationException($"{inner.Name} has no getter.");
            var property = typeInfo.CreateJsonPropertyInfo(inner.PropertyType, inner.Name);
            property.Get = owner => ownerGet(owner) is { } value ? innerGet(value) : null;
            property.CustomConverter = inner.CustomConverter;
            return property;
        })];
    }

    private static TAttribute? Attribute<TAttribute>(JsonPropertyInfo property)
        where TAttribute : Attribute =>
        property.AttributeProvider is ICustomAttributeProvider provider
            ? provider.GetCustomAttributes(typeof(TAttribute), inherit: false).OfType<TAttribute>().FirstOrDefault()
            : null;
}
