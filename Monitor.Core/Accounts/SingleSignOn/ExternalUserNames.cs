using System.Text;

namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>
/// A user name for someone created at their first sign-in: the provider's preferred name or email, cut to what a
/// local user name may hold. It is only a label; the provider's subject is what links the account.
/// </summary>
public static class ExternalUserNames
{
    private const string Allowed = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._@+";

    public static string From(ExternalIdentity identity)
    {
        ArgumentNullException.ThrowIfNull(identity);
        var source = new[] { identity.PreferredName, identity.Email, "sso-user" }.First(s => !string.IsNullOrWhiteSpace(s))!;
        var name = new StringBuilder();
        foreach (var c in source.Trim())
        {
            name.Append(Allowed.Contains(c, StringComparison.Ordinal) ? c : '-');
        }

        var cut = name.ToString();
        return cut.Length > AccountService.MaxUserNameLength - 3 ? cut[..(AccountService.MaxUserNameLength - 3)] : cut;
    }

    /// <summary>The first try is the name itself; then name-2, name-3 ... when a local account already has it.</summary>
    public static string Numbered(string name, int attempt) => attempt == 1 ? name : $"{name}-{attempt}";
}
