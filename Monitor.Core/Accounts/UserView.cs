namespace Monitor.Core.Accounts;

/// <summary>A user as the Settings page lists them.</summary>
public sealed record UserView(string Id, string UserName, string Role, DateTime CreatedAt, bool LockedOut);
