namespace Monitor.Core.Credits;

/// <summary>
/// Carries the current run (or profile) down to the HTTP handler that counts credits, below Refit and the resilience
/// pipeline, without threading ids through every call.
/// </summary>
public static class CreditRunContext
{
    private static readonly AsyncLocal<CreditAttribution?> Current = new();

    public static CreditAttribution? Attribution => Current.Value;

    /// <summary>Attributes requests to <paramref name="profileId"/> (and its run) until the returned scope is disposed.</summary>
    public static IDisposable Begin(Guid? profileId, long? runId)
    {
        var previous = Current.Value;
        Current.Value = new CreditAttribution(profileId, runId);
        return new Scope(previous);
    }

    private sealed class Scope(CreditAttribution? previous) : IDisposable
    {
        public void Dispose() => Current.Value = previous;
    }
}
