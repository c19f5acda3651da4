using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitor.Core.Monitoring.Events;

/// <summary>
/// JSON for <c>pg_notify</c>. PostgreSQL refuses a payload of 8000 bytes or more, and the only unbounded part of an
/// event is its error text, so that is cut until the payload fits.
/// </summary>
internal static class EventPayload
{
    /// <summary>Below PostgreSQL's 8000-byte limit, with room for the channel name the server counts in.</summary>
    public const int MaxBytes = 7900;

    private const string Ellipsis = "…";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        // Names, not numbers: a node of the next version may add a kind without shifting the others.
        Converters = { new JsonStringEnumConverter() },
    };

    /// <returns>The payload, or null when it cannot be made to fit (nothing but the error text can grow).</returns>
    public static string? Serialize(Guid node, MonitoringEvent monitoringEvent)
    {
        ArgumentNullException.ThrowIfNull(monitoringEvent);
        var payload = JsonSerializer.Serialize(new EventEnvelope(node, monitoringEvent), Json);
        var excess = Encoding.UTF8.GetByteCount(payload) - MaxBytes;
        if (excess <= 0)
        {
            return payload;
        }

        var error = monitoringEvent.Error ?? "";
        // JSON escaping can make a character cost up to 6 bytes; cutting by the excess in characters is a first guess.
        for (var keep = Math.Max(0, error.Length - excess); ; keep = keep * 3 / 4)
        {
            if (keep > 0 && char.IsHighSurrogate(error[keep - 1]))
            {
                keep--;
            }

            var cut = monitoringEvent with { Error = error[..keep] + Ellipsis };
            payload = JsonSerializer.Serialize(new EventEnvelope(node, cut), Json);
            if (Encoding.UTF8.GetByteCount(payload) <= MaxBytes)
            {
                return payload;
            }

            if (keep == 0)
            {
                return null;
            }
        }
    }

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
