using Monitor.Core.Common;
using Monitor.Core.Data;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Core.Runs;

/// <summary>Turns what a run threw into a typed <see cref="RunFailure"/>.</summary>
public static class RunFailures
{
    public const int MaxMessageLength = 2000;

    public static RunFailure From(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var failure = exception switch
        {
            ScrapeCreatorsException upstream => new RunFailure(FromKind(upstream.Kind), upstream.Message),
            ProfileDeletedException => new RunFailure(RunFailureReason.ProfileDeleted,
                "The profile was deleted during the run; pages already written were kept until the delete."),
            _ when DatabaseErrors.IsDatabaseError(exception) => new RunFailure(RunFailureReason.Database,
                $"Database error: {exception.GetBaseException().Message}"),
            _ => new RunFailure(RunFailureReason.Unexpected, $"Unexpected error ({exception.GetType().Name}): {exception.Message}"),
        };
        return failure with { Message = Truncate(failure.Message) };
    }

    public static RunFailureReason FromKind(ScrapeErrorKind kind) => kind switch
    {
        ScrapeErrorKind.Unauthorized => RunFailureReason.Unauthorized,
        ScrapeErrorKind.OutOfCredits => RunFailureReason.OutOfCredits,
        ScrapeErrorKind.AccountNotFound => RunFailureReason.AccountMissing,
        ScrapeErrorKind.AccountPrivate => RunFailureReason.AccountPrivate,
        ScrapeErrorKind.AccountBanned => RunFailureReason.AccountBanned,
        ScrapeErrorKind.BadRequest => RunFailureReason.UpstreamRejected,
        ScrapeErrorKind.RateLimited => RunFailureReason.UpstreamRateLimited,
        ScrapeErrorKind.Timeout => RunFailureReason.UpstreamTimeout,
        ScrapeErrorKind.InvalidResponse => RunFailureReason.UpstreamInvalidResponse,
        _ => RunFailureReason.UpstreamUnavailable,
    };

    /// <summary>The account state a failure reveals, if it reveals one.</summary>
    public static AccountState? AccountStateOf(RunFailureReason reason) => reason switch
    {
        RunFailureReason.AccountPrivate => AccountState.Private,
        RunFailureReason.AccountBanned => AccountState.Banned,
        RunFailureReason.AccountMissing => AccountState.Missing,
        _ => null,
    };

    public static string Truncate(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FieldLimits.Cut(value, MaxMessageLength);
    }
}
