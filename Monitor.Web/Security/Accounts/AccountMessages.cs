using Microsoft.AspNetCore.Identity;
using Monitor.Core.Accounts;

namespace Monitor.Web.Security.Accounts;

/// <summary>
/// Account forms redirect back with a short code, and the page turns it into text: a link can then only show one of
/// these messages, never text of its author's choosing.
/// </summary>
public static class AccountMessages
{
    public static string? Of(string? code) => code switch
    {
        null or "" => null,
        "invalid" => "Wrong user name or password.",
        "locked" => "Too many failed attempts: this account is locked for a few minutes.",
        "mismatch" => "The two passwords differ.",
        "password" => $"The password needs at least {AccountService.MinPasswordLength} characters, with at least 4 different ones.",
        "name" => $"The user name needs 1 to {AccountService.MaxUserNameLength} letters, digits or -._@+ characters.",
        "taken" => "That user name is taken.",
        "current" => "The current password is wrong.",
        "no-account" => "You are using the app without signing in (local access): there is no password to change.",
        "done" => "Your password was changed.",
        "sso-no-role" => "Your identity provider account is in none of the groups that give access to this app; ask an admin to add you to one.",
        "sso-unknown" => "This app has no account for you and does not create one at first sign-in; ask an admin.",
        "sso-failed" => "Single sign-on did not complete; try again.",
        "sso-account" => "This account signs in through single sign-on: it has no password here to change.",
        "local-off" => "Sign-in with a user name and password is switched off here; use single sign-on.",
        _ => "That did not work; try again.",
    };

    public static string CodeOf(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var codes = result.Errors.Select(e => e.Code).ToList();
        return codes switch
        {
            _ when codes.Any(c => c.StartsWith("Password", StringComparison.Ordinal)) => "password",
            _ when codes.Contains("DuplicateUserName") => "taken",
            _ when codes.Contains("InvalidUserName") => "name",
            _ when codes.Contains("SetupDone") => "setup-done",
            _ => "failed",
        };
    }
}
