using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Monitor.Core.Common;

namespace Monitor.Core.LiveEvents;

/// <summary>
/// JSON for <c>pg_notify</c>. PostgreSQL refuses a payload of 8000 bytes or more, and the only unbounded part of an
/// event is its error text, so that is cut until the payload fits.
/// </summary>
internal static class EventPayload
{
    /// <summary>Below PostgreSQL's 8000-byte limit, with room for the channel name the server counts in.</summary>
    public const int MaxBytes = 7900;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Names, not numbers: a node of the next version may add a kind without shifting the others.
        Converters = { new JsonStringEnumConverter() },
        // The payload goes to PostgreSQL, not into HTML: UTF-8 as is, so an accented error is not six bytes a letter.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <returns>The payload, or null when it cannot be made to fit (nothing but the error text can grow).</returns>
    public static string? Serialize(Guid node, MonitoringEvent monitoringEvent)
    {
        ArgumentNullException.ThrowIfNull(monitoringEvent);
        var payload = JsonSerializer.Serialize(new EventEnvelope(node, monitoringEvent), Json);
        if (Encoding.UTF8.GetByteCount(payload) <= MaxBytes)
        {
            return payload;
        }

        // The longest prefix of the error text that fits, found by halving: escaping makes a character cost 1 to 6 bytes.
        var error = monitoringEvent.Error ?? "";
        string? best = null;
        var (low, high) = (0, error.Length);
        while (low <= high)
        {
            var keep = (low + high) / 2;
            // Past the whole text nothing is cut and the candidate is the payload that did not fit.
            var cut = FieldLimits.Cut(error, keep + FieldLimits.CutMark.Length, marked: true);
            var candidate = JsonSerializer.Serialize(new EventEnvelope(node, monitoringEvent with { Error = cut }), Json);
            if (Encoding.UTF8.GetByteCount(candidate) <= MaxBytes)
            {
                best = candidate;
                low = keep + 1;
            }
            else
            {
                high = keep - 1;
            }
        }

        return best;
    }

    /// <summary>
    /// True when <paramref name="payload"/> was sent by <paramref name="node"/>: told by its first characters, since a node
    /// hears its own notifications too (one for each page of every run it executes) and has no use for parsing them.
    /// </summary>
    public static bool IsFrom(Guid node, string payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return payload.StartsWith(NodePrefix, StringComparison.Ordinal)
            && payload.AsSpan(NodePrefix.Length).StartsWith(node.ToString("D"), StringComparison.Ordinal);
    }

    /// <summary>How <see cref="Serialize"/> starts every payload: the envelope's first property, the sending node.</summary>
    private const string NodePrefix = "{\"node\":\"";

    /// <returns>The envelope, or null for a payload this version cannot read.</returns>
    public static EventEnvelope? Deserialize(string payload)
    {
        try
        {
            return JsonSerializer.Deserialize<EventEnvelope>(payload, Json);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
