namespace Monitor.Core.ApiKeys;

/// <summary>
/// The key a request was authenticated with; <see cref="Id"/> is empty for the configured key, which alone has no
/// <see cref="WorkspaceId"/> (it sees every workspace). A named key acts in its one workspace with editor rights.
/// </summary>
public sealed record ApiKeyIdentity(Guid Id, string Name, Guid? WorkspaceId = null)
{
    public static ApiKeyIdentity Configured { get; } = new(Guid.Empty, "configured (MONITOR_API_KEY)");

    /// <summary>The rate limiter's partition: one per key.</summary>
    public string PartitionKey => Id.ToString("N");
}
