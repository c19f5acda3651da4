namespace Monitor.Core.Notifications.Delivery;

/// <summary>
/// The dashboard's own page for a message (<c>Notifications:DashboardUrl</c> + the profile's page), so a reader lands
/// where the numbers and the log are; null while no public address of the dashboard is configured.
/// </summary>
public static class DashboardLink
{
    public static string? For(string? dashboardUrl, Guid? profileId)
    {
        if (string.IsNullOrWhiteSpace(dashboardUrl))
        {
            return null;
        }

        var root = dashboardUrl.Trim().TrimEnd('/');
        return profileId is { } id ? $"{root}/profiles/{id}" : root;
    }

    public static bool IsValid(string? dashboardUrl) =>
        string.IsNullOrWhiteSpace(dashboardUrl)
        || (Uri.TryCreate(dashboardUrl.Trim(), UriKind.Absolute, out var url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && string.IsNullOrEmpty(url.Query) && string.IsNullOrEmpty(url.Fragment));
}
