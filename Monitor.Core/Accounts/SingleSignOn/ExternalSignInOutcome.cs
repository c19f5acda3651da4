using Monitor.Core.Identity;

namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>How a provider's sign-in ended: the user to sign in, or a short refusal code the sign-in page explains.</summary>
public sealed record ExternalSignInOutcome(MonitorUser? User, string? Role, string? Refusal, bool Created)
{
    public const string NoRole = "sso-no-role";
    public const string UnknownUser = "sso-unknown";
    public const string Locked = "locked";
    public const string Failed = "sso-failed";

    public bool Succeeded => User is not null;

    public static ExternalSignInOutcome Refused(string code) => new(null, null, code, false);
}
