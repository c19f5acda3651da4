using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitor.Web.Endpoints.Bodies;

/// <summary>
/// Names what a body the serializer refused got wrong: an unknown field (with the fields accepted there), or a field
/// whose value is not what its type needs (with what it needs). The request type's JSON contract is walked along the
/// exception's path, so the answer follows the contract and never parses the serializer's message.
/// </summary>
internal static class JsonBodyErrors
{
    public static JsonBodyError Describe(JsonException exception, Type? bodyType, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(options);
        var segments = JsonPathSegments.Parse(exception.Path);
        var field = JsonPathSegments.ToKey(segments);
        if (exception.InnerException is JsonException syntax)
        {
            // The reader's own message names the character and position, nothing of the server's types.
            return new JsonBodyError(field, $"The body is not valid JSON{At(field)}: {syntax.Message}");
        }

        if (bodyType is null)
        {
            return new JsonBodyError(field, $"The body could not be read{At(field)}.");
        }

        var node = options.GetTypeInfo(bodyType);
        for (var i = 0; i < segments.Count; i++)
        {
            var segment = segments[i];
            var next = Child(node, segment, options);
            if (next is null)
            {
                if (!segment.IsIndex && node.Kind == JsonTypeInfoKind.Object && i == segments.Count - 1)
                {
                    var accepted = string.Join(", ", node.Properties.Select(p => p.Name));
                    var parent = JsonPathSegments.ToKey(segments.Take(i));
                    return new JsonBodyError(field,
                        $"Unknown field '{segment.Text}'{At(parent)}: the fields accepted {(parent.Length == 0 ? "in the body" : "there")} are {accepted}.");
                }

                return new JsonBodyError(field, $"The body could not be read{At(field)}.");
            }

            node = next;
        }

        return new JsonBodyError(field, $"{(field.Length == 0 ? "The body" : $"Field '{field}'")} must be {Expected(node, options)}.");
    }

    private static JsonTypeInfo? Child(JsonTypeInfo node, JsonPathSegment segment, JsonSerializerOptions options)
    {
        if (segment.IsIndex)
        {
            return node.Kind == JsonTypeInfoKind.Enumerable && node.ElementType is { } element ? options.GetTypeInfo(element) : null;
        }

        if (node.Kind == JsonTypeInfoKind.Dictionary && node.ElementType is { } value)
        {
            return options.GetTypeInfo(value);
        }

        var comparison = options.PropertyNameCaseInsensitive ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
        return node.Kind == JsonTypeInfoKind.Object
            && node.Properties.FirstOrDefault(p => string.Equals(p.Name, segment.Text, comparison)) is { } property
            ? options.GetTypeInfo(property.PropertyType)
            : null;
    }

    // An object can be refused for a missing required field as well as for not being an object: one sentence says both.
    private static string Expected(JsonTypeInfo node, JsonSerializerOptions options) =>
        node.Kind == JsonTypeInfoKind.Object && node.Properties.Where(p => p.IsRequired).Select(p => p.Name).ToList() is { Count: > 0 } required
            ? $"an object with {(required.Count == 1 ? "the field" : "the fields")} {string.Join(", ", required)}"
            : JsonValueNames.Expected(node.Type, options);

    private static string At(string field) => field.Length == 0 ? "" : $" at '{field}'";
}
