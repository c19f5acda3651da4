using Microsoft.AspNetCore.Identity;

namespace Monitor.Core.Accounts;

/// <summary>A person who signs in to the dashboard; ASP.NET Core Identity keeps the password hash and lockout state.</summary>
public sealed class MonitorUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The dashboard theme the user chose; null until they choose (the device's setting applies).</summary>
    public Appearance.ThemePreference? Theme { get; set; }
}
