namespace Monitor.Core.Reports;

/// <summary>The one definition of the report columns' sizes, used by the EF configurations and the validator.</summary>
public static class ReportLimits
{
    public const int NameLength = 100;
    public const int TimeZoneLength = 64;
    public const int AddressLength = 320;
    public const int MaxRecipients = 20;
    public const int ErrorLength = 2000;
    public const int DefaultKeepDays = 365;
    public const int DefaultSendHour = 8;
}
