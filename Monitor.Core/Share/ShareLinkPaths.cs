namespace Monitor.Core.Share;

/// <summary>Where a link's page and its download live: one definition for the endpoints, the dialog and the API's answer.</summary>
public static class ShareLinkPaths
{
    public const string Prefix = "/s";

    public static string Page(string token) => $"{Prefix}/{token}";

    public static string ReportPdf(string token) => $"{Prefix}/{token}/report.pdf";
}
