using System.Text.Json;

namespace Monitor.Web.Components.Rendering;

/// <summary>
/// State a page hands from its prerender to its circuit travels back from the browser in the circuit's first message,
/// which SignalR caps (32 KB by default): a profile page's first 25 posts with real TikTok cover URLs and captions come
/// close to it. The cap is raised to <see cref="CircuitMessageLimit"/>, and a component persists a value only when it
/// fits in <see cref="Budget"/> (otherwise the circuit reads it again: a moment of loading instead of a broken circuit).
/// </summary>
public static class PrerenderedState
{
    /// <summary>The largest message a browser may send a circuit.</summary>
    public const long CircuitMessageLimit = 128 * 1024;

    /// <summary>The largest value (as JSON) one component persists; base64 and data protection add about half.</summary>
    public const int Budget = 48 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <returns><paramref name="value"/> when its JSON fits the budget, else null.</returns>
    public static T? IfSmall<T>(T? value)
        where T : class =>
        value is not null && JsonSerializer.SerializeToUtf8Bytes(value, Json).Length <= Budget ? value : null;
}
