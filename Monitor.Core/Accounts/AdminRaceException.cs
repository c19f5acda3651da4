namespace Monitor.Core.Accounts;

/// <summary>Another node created or changed the same admin at the same moment.</summary>
internal sealed class AdminRaceException : Exception;
