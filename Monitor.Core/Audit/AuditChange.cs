using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Monitor.Core.Common;

namespace Monitor.Core.Audit;

/// <summary>
/// Old and new values of a change as two small JSON objects holding only the fields that differ; secret fields are masked
/// (<see cref="AuditRedaction"/>), long texts shortened. Either side may be null (nothing before an add, after a delete).
/// </summary>
public sealed record AuditChange(string? OldValues, string? NewValues)
{
    public const int MaxTextLength = 300;

    public static AuditChange None { get; } = new(null, null);

    /// <summary>Both sides exist and no field differs: nothing changed, so nothing is recorded.</summary>
    public bool Unchanged => OldValues == "{}" && NewValues == "{}";

    // Readable text (é, •) rather than \u escapes: the page and the API show it as text, never as raw HTML.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static AuditChange Added(object values) => Between(null, values);

    public static AuditChange Removed(object values) => Between(values, null);

    public static AuditChange Between(object? before, object? after)
    {
        var old = ToObject(before);
        var @new = ToObject(after);
        if (old is not null && @new is not null)
        {
            foreach (var name in old.Select(p => p.Key).ToList())
            {
                if (@new.ContainsKey(name) && JsonNode.DeepEquals(old[name], @new[name]))
                {
                    old.Remove(name);
                    @new.Remove(name);
                }
            }
        }

        return new(Finish(old), Finish(@new));
    }

    private static JsonObject? ToObject(object? values) =>
        values is null ? null : JsonSerializer.SerializeToNode(values, values.GetType(), Json) as JsonObject ?? [];

    private static string? Finish(JsonObject? values)
    {
        if (values is null)
        {
            return null;
        }

        foreach (var (name, value) in values.ToList())
        {
            if (AuditRedaction.IsSecret(name))
            {
                values[name] = value is null ? null : AuditRedaction.Mask;
            }
            else if (value is JsonValue text && text.TryGetValue<string>(out var s) && s.Length > MaxTextLength)
            {
                values[name] = FieldLimits.Cut(s, MaxTextLength, marked: true);
            }
            else if (value is JsonObject nested)
            {
                values[name] = JsonNode.Parse(Finish(nested.DeepClone().AsObject())!);
            }
        }

        return values.ToJsonString(Json);
    }
}
