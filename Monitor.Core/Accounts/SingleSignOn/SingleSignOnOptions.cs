namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>
/// The <c>Authentication:Oidc</c> section: sign-in through an OpenID Connect provider. Read only from settings and
/// environment variables, never from the UI, so a stolen admin session cannot point the app at another provider.
/// </summary>
public sealed class SingleSignOnOptions
{
    public const string Section = "Authentication:Oidc";

    public bool Enabled { get; set; }

    /// <summary>The provider's issuer, e.g. <c>https://sso.example.com/realms/team</c>; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Never logged nor shown; empty for a public client (the code flow uses PKCE either way).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Scopes asked for besides <c>openid</c>.</summary>
    public List<string> Scopes { get; set; } = ["profile", "email"];

    /// <summary>The ID token claim that lists the user's groups (Keycloak and Authentik: <c>groups</c>; Entra ID: <c>groups</c> or <c>roles</c>).</summary>
    public string GroupsClaim { get; set; } = "groups";

    /// <summary>Group → role (<c>admin</c> or <c>viewer</c>). A user in several mapped groups gets the strongest role; in none, is refused.</summary>
    public Dictionary<string, string> RoleMappings { get; set; } = new(StringComparer.Ordinal);

    /// <summary>A user the app has not seen is created at their first sign-in; otherwise only linked or same-email users get in.</summary>
    public bool CreateUnknownUsers { get; set; } = true;

    /// <summary>False hides the user name / password form and refuses local sign-in.</summary>
    public bool LocalSignIn { get; set; } = true;

    /// <summary>The button reads "Sign in with {DisplayName}".</summary>
    public string DisplayName { get; set; } = "single sign-on";

    /// <summary>Everything wrong with these settings, each naming its setting; empty when SSO is off or all is well.</summary>
    public IReadOnlyList<string> Problems()
    {
        if (!Enabled)
        {
            return [];
        }

        var problems = new List<string>();
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority) || authority.Scheme is not ("https" or "http"))
        {
            problems.Add($"{Section}:Authority must be the provider's absolute http(s) issuer URL.");
        }
        else if (authority.Scheme == "http" && !authority.IsLoopback)
        {
            problems.Add($"{Section}:Authority must use https (plain http is accepted only for a provider on this machine's loopback address).");
        }

        if (string.IsNullOrWhiteSpace(ClientId))
        {
            problems.Add($"{Section}:ClientId is required.");
        }

        if (string.IsNullOrWhiteSpace(GroupsClaim))
        {
            problems.Add($"{Section}:GroupsClaim is required (the claim that lists the user's groups).");
        }

        if (RoleMappings.Count == 0)
        {
            problems.Add($"{Section}:RoleMappings is empty: map at least one group to {string.Join(" or ", MonitorRoles.All)}, or nobody can sign in.");
        }

        problems.AddRange(RoleMappings
            .Where(m => !MonitorRoles.IsKnown(m.Value))
            .Select(m => $"{Section}:RoleMappings:{m.Key} is '{m.Value}'; a role is {string.Join(" or ", MonitorRoles.All)}."));
        if (string.IsNullOrWhiteSpace(DisplayName))
        {
            problems.Add($"{Section}:DisplayName must not be empty (it is the sign-in button's text).");
        }

        return problems;
    }
}
