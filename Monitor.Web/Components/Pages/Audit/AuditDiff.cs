using System.Text.Json;
using System.Text.Json.Nodes;

namespace Monitor.Web.Components.Pages.Audit;

/// <summary>An entry's old and new JSON objects as rows of field, old value, new value, for the page's expandable diff.</summary>
public static class AuditDiff
{
    public sealed record Row(string Field, string? Old, string? New);

    public static IReadOnlyList<Row> Rows(string? oldValues, string? newValues)
    {
        var old = Parse(oldValues);
        var @new = Parse(newValues);
        var fields = old.Select(p => p.Key).Concat(@new.Select(p => p.Key)).Distinct(StringComparer.Ordinal);
        return [.. fields.Select(f => new Row(f, Text(old, f), Text(@new, f)))];
    }

    private static JsonObject Parse(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        try
        {
            return JsonNode.Parse(json) as JsonObject ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string? Text(JsonObject values, string field) =>
        !values.TryGetPropertyValue(field, out var value) ? null
        : value is null ? "null"
        : value is JsonValue v && v.TryGetValue<string>(out var s) ? s
        : value.ToJsonString();
}
