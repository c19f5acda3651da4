namespace Monitor.Core.ApiKeys;

/// <summary>The key a request was authenticated with; <see cref="Id"/> is empty for the configured key.</summary>
public sealed record ApiKeyIdentity(Guid Id, string Name)
{
    public static ApiKeyIdentity Configured { get; } = new(Guid.Empty, "configured (MONITOR_API_KEY)");

    /// <summary>The rate limiter's partition: one per key.</summary>
    public string PartitionKey => Id.ToString("N");
}
