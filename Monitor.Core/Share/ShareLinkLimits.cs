namespace Monitor.Core.Share;

/// <summary>The bounds of a share link, one definition for the service, the API's description and the dialog.</summary>
public static class ShareLinkLimits
{
    public const int DefaultDays = 30;
    public const int MaxDays = 365;
    public const int MinPasswordLength = 8;
    public const int MaxPasswordLength = 128;
    public const int MaxLabelLength = 200;
}
