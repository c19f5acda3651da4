namespace Monitor.Core.Profiles;

/// <summary>What the upstream said about the account at the last run; anything but Active pauses monitoring.</summary>
public enum AccountState
{
    Active,
    Private,
    Banned,
    Missing,
}
