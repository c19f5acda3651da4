namespace Monitor.Core.Accounts.SingleSignOn;

/// <summary>Who the provider says signed in: its stable subject, a name, an email (trusted only when verified) and the groups.</summary>
public sealed record ExternalIdentity(
    string Provider,
    string Subject,
    string? PreferredName,
    string? Email,
    bool EmailVerified,
    IReadOnlyList<string> Groups);
