namespace Monitor.Web.Share;

/// <summary>The <c>Share</c> section: how often a shared page may be opened, and how long a password lasts.</summary>
public sealed class ShareOptions
{
    public const string Section = "Share";

    /// <summary>Shared pages one client address may open per <see cref="Window"/>, whatever the links.</summary>
    public int ViewsPerAddress { get; set; } = 60;

    /// <summary>Times one link may be opened per <see cref="Window"/>, from any address.</summary>
    public int ViewsPerLink { get; set; } = 120;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Wrong passwords one link takes per <see cref="PasswordFailureWindow"/> before it answers 429.</summary>
    public int PasswordFailures { get; set; } = 10;

    public TimeSpan PasswordFailureWindow { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a right password opens its link in that browser.</summary>
    public TimeSpan UnlockLifetime { get; set; } = TimeSpan.FromHours(1);
}
