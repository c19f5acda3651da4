namespace Monitor.Core.Runs;

/// <summary>Why an attempt failed: the typed reason and the message shown on the log.</summary>
public sealed record RunFailure(RunFailureReason Reason, string Message)
{
    public bool IsAccountState => Reason is RunFailureReason.AccountPrivate or RunFailureReason.AccountBanned or RunFailureReason.AccountMissing;
}
