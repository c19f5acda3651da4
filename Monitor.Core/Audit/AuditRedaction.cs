namespace Monitor.Core.Audit;

/// <summary>
/// Fields whose values never enter the audit log: passwords, webhook secrets and URLs (a Slack or Discord URL is its own
/// token), API keys, hashes and stamps. A changed secret shows as <see cref="Mask"/> on both sides: that it changed, not what.
/// </summary>
public static class AuditRedaction
{
    public const string Mask = "(secret)";

    private static readonly string[] SecretFragments =
        ["password", "secret", "token", "apikey", "hash", "webhookurl", "securitystamp", "scrapecreators", "plainkey"];

    private static readonly HashSet<string> SecretNames = new(StringComparer.OrdinalIgnoreCase) { "key", "url", "plain" };

    public static bool IsSecret(string fieldName)
    {
        ArgumentNullException.ThrowIfNull(fieldName);
        var name = fieldName.Replace("_", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal);
        return SecretNames.Contains(name) || SecretFragments.Any(f => name.Contains(f, StringComparison.OrdinalIgnoreCase));
    }
}
