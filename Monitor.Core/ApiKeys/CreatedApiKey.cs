namespace Monitor.Core.ApiKeys;

/// <summary>A new key with its plain value: shown once to the admin who made it, and never again.</summary>
public sealed record CreatedApiKey(ApiKeyView Key, string PlainKey);
