namespace Monitor.Core.Notifications.Policies;

/// <summary>What a run's final outcome announces.</summary>
public enum FailureAlert
{
    None,
    Failed,
    Recovered,
}
