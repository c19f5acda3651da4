namespace Monitor.Core.Profiles;

public enum AddProfileStatus
{
    Created,
    InvalidHandle,
    InvalidInterval,
    AlreadyTracked,
    AccountNotFound,
    AccountPrivate,
    UpstreamFailed,
}
