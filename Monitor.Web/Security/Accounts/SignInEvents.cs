namespace Monitor.Web.Security.Accounts;

/// <summary>
/// Every sign-in's outcome, local or through the provider, passes here: the one place to hang an audit entry on.
/// Only names, methods and reason codes reach the log, never a password, token or secret.
/// </summary>
public sealed partial class SignInEvents(ILogger<SignInEvents> logger)
{
    public const string LocalMethod = "password";
    public const string SingleSignOnMethod = "oidc";

    public void Succeeded(string userName, string method, string? role = null, bool created = false) =>
        LogSucceeded(logger, userName, method, role ?? "-", created);

    public void Failed(string? userName, string method, string reason) =>
        LogFailed(logger, userName ?? "-", method, reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of {UserName} by {Method} succeeded (role {Role}, created {Created})")]
    private static partial void LogSucceeded(ILogger logger, string userName, string method, string role, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of {UserName} by {Method} refused: {Reason}")]
    private static partial void LogFailed(ILogger logger, string userName, string method, string reason);
}
