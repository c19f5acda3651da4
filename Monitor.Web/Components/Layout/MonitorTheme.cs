using MudBlazor;

namespace Monitor.Web.Components.Layout;

/// <summary>The one theme of the dashboard and the account pages.</summary>
public static class MonitorTheme
{
    // No web fonts: the app runs offline, so the system font stack stands in for Roboto.
    public static MudTheme Theme { get; } = new()
    {
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"] },
        },
    };
}
