using System.Security.Claims;
using System.Text.Json;
using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Web.Security.SingleSignOn;

/// <summary>Reads the provider's ID token claims (kept under their own names: the handler does not map them).</summary>
internal static class SingleSignOnClaims
{
    public static ExternalIdentity? Read(ClaimsPrincipal principal, string groupsClaim)
    {
        var subject = principal.FindFirst("sub")?.Value;
        if (string.IsNullOrEmpty(subject))
        {
            return null;
        }

        var name = principal.FindFirst("preferred_username")?.Value ?? principal.FindFirst("name")?.Value;
        var email = principal.FindFirst("email")?.Value;
        var verified = string.Equals(principal.FindFirst("email_verified")?.Value, "true", StringComparison.OrdinalIgnoreCase);
        var groups = principal.FindAll(groupsClaim).SelectMany(c => Values(c.Value)).Distinct(StringComparer.Ordinal).ToList();
        return new ExternalIdentity(SingleSignOnSetup.Scheme, subject, name, email, verified, groups);
    }

    /// <summary>A provider that packs the groups into one claim writes them as a JSON array.</summary>
    private static List<string> Values(string value)
    {
        if (!value.StartsWith('['))
        {
            return [value];
        }

        try
        {
            return JsonSerializer.Deserialize<List<string>>(value) ?? [];
        }
        catch (JsonException)
        {
            return [value];
        }
    }
}
