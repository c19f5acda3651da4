namespace Monitor.Core.Notifications;

/// <summary>The one definition of the notification columns' sizes, used by the EF configurations and the validator.</summary>
public static class NotificationLimits
{
    public const int NameLength = 100;
    public const int HostLength = 253;
    public const int UserLength = 256;
    public const int AddressLength = 320;
    public const int MaxRecipients = 20;
    public const int UrlLength = 2048;
    public const int PasswordLength = 512;

    /// <summary>A protected URL or password: the payload grows by about a third plus a header when protected.</summary>
    public const int ProtectedSecretLength = 8000;

    public const int SubjectLength = 300;
    public const int TextLength = 8000;
    public const int ErrorLength = 2000;
    public const int ThresholdLength = 64;
}
