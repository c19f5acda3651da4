using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Monitor.Web.Endpoints.Bodies;

/// <summary>What a client must send for a .NET type, in JSON's words: "a whole number", "an array of strings", "one of: full, byAge".</summary>
internal static class JsonValueNames
{
    public static string Expected(Type type, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(type);
        var (singular, _) = Names(type, options);
        return singular;
    }

    private static (string Singular, string Plural) Names(Type type, JsonSerializerOptions options)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var names = string.Join(", ", Enum.GetNames(type).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)));
            return ($"one of: {names}", $"values each one of: {names}");
        }

        return Type.GetTypeCode(type) switch
        {
            TypeCode.String or TypeCode.Char => ("a string", "strings"),
            TypeCode.Boolean => ("true or false", "true or false values"),
            TypeCode.Byte or TypeCode.SByte or TypeCode.Int16 or TypeCode.UInt16 or TypeCode.Int32 or TypeCode.UInt32
                or TypeCode.Int64 or TypeCode.UInt64 => ("a whole number", "whole numbers"),
            TypeCode.Single or TypeCode.Double or TypeCode.Decimal => ("a number", "numbers"),
            TypeCode.DateTime => ("a time as an ISO 8601 string with an offset, e.g. 2025-10-16T13:25:00Z",
                "times as ISO 8601 strings with an offset"),
            _ when type == typeof(DateTimeOffset) => ("a time as an ISO 8601 string with an offset, e.g. 2025-10-16T13:25:00Z",
                "times as ISO 8601 strings with an offset"),
            _ when type == typeof(Guid) => ("a GUID string, e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6", "GUID strings"),
            _ => Composite(type, options),
        };
    }

    private static (string Singular, string Plural) Composite(Type type, JsonSerializerOptions options)
    {
        var info = options.GetTypeInfo(type);
        return info.Kind switch
        {
            JsonTypeInfoKind.Enumerable when info.ElementType is { } element => ($"an array of {Names(element, options).Plural}", "arrays"),
            JsonTypeInfoKind.Enumerable => ("an array", "arrays"),
            JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => ("an object", "objects"),
            _ when typeof(IEnumerable).IsAssignableFrom(type) => ("an array", "arrays"),
            _ => ("a JSON value of another kind", "JSON values of another kind"),
        };
    }
}
