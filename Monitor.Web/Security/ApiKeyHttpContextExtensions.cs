using Monitor.Core.ApiKeys;

namespace Monitor.Web.Security;

public static class ApiKeyHttpContextExtensions
{
    private static readonly object Key = new();

    /// <summary>The key this /api request was authenticated with, or null outside the API.</summary>
    public static ApiKeyIdentity? GetApiKey(this HttpContext context) =>
        context?.Items.TryGetValue(Key, out var value) == true ? value as ApiKeyIdentity : null;

    internal static void SetApiKey(this HttpContext context, ApiKeyIdentity key) => context.Items[Key] = key;
}
