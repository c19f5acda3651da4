using Monitor.Core.Audit;
using Monitor.Web.Audit;

namespace Monitor.Web.Security.Accounts;

/// <summary>
/// Every sign-in's outcome, local or through the provider, passes here: it goes to the log and to the audit log.
/// Only names, methods and reason codes are written, never a password, token or secret.
/// </summary>
public sealed partial class SignInEvents(AuditTrail audit, ILogger<SignInEvents> logger)
{
    public const string LocalMethod = "password";
    public const string SingleSignOnMethod = "oidc";

    public Task SucceededAsync(HttpContext context, string? userId, string userName, string method, CancellationToken cancellationToken,
        string? role = null, bool created = false)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogSucceeded(logger, userName, method, role ?? "-", created);
        return audit.RecordSignInAsync(userId, userName, succeeded: true, reason: null, WebAuditActorSource.SourceOf(context), cancellationToken);
    }

    public Task FailedAsync(HttpContext context, string? userId, string? userName, string method, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        LogFailed(logger, userName ?? "-", method, reason);
        return audit.RecordSignInAsync(userId, userName ?? string.Empty, succeeded: false, method == LocalMethod ? reason : $"single sign-on: {reason}", WebAuditActorSource.SourceOf(context),
            cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sign-in of {UserName} by {Method} succeeded (role {Role}, created {Created})")]
    private static partial void LogSucceeded(ILogger logger, string userName, string method, string role, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in of {UserName} by {Method} refused: {Reason}")]
    private static partial void LogFailed(ILogger logger, string userName, string method, string reason);
}
