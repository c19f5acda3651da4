namespace Monitor.Core.Catalog;

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
