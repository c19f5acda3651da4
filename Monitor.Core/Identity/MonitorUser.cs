using Microsoft.AspNetCore.Identity;

namespace Monitor.Core.Identity;

/// <summary>A person who signs in to the dashboard; ASP.NET Core Identity keeps the password hash and lockout state.</summary>
public sealed class MonitorUser : IdentityUser
{
    public DateTime CreatedAt { get; set; }

    /// <summary>The dashboard theme the user chose; null until they choose (the device's setting applies).</summary>
    public ThemePreference? Theme { get; set; }
}
