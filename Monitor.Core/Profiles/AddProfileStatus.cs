namespace Monitor.Core.Profiles;

public enum AddProfileStatus
{
    Created,
    InvalidHandle,
    AlreadyTracked,
    AccountNotFound,
    AccountPrivate,
    UpstreamFailed,
}
