using Microsoft.AspNetCore.DataProtection;

namespace Monitor.Core.Notifications;

/// <summary>
/// Protects a channel's secret (SMTP password, webhook URL) with ASP.NET Core Data Protection. The keys live in the
/// database with the sign-in keys, so every node can read what another stored.
/// </summary>
public sealed class NotificationSecrets(IDataProtectionProvider provider)
{
    private const string Purpose = "Monitor.Notifications.ChannelSecret.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string secret) => _protector.Protect(secret);

    public string Unprotect(string protectedSecret) => _protector.Unprotect(protectedSecret);
}
