namespace Monitor.Web;

/// <summary>
/// The app's own folder is its content root, so <c>dotnet /opt/monitor/Monitor.Web.dll</c> started from any working
/// directory (a systemd unit, a script) finds wwwroot, the static web assets manifest and appsettings.json. A content
/// root given explicitly (<c>--contentRoot</c>, <c>ASPNETCORE_CONTENTROOT</c>, <c>DOTNET_CONTENTROOT</c>) still wins.
/// </summary>
internal static class ContentRoot
{
    public static WebApplicationOptions Options(string[] args)
    {
        var configured = args.Any(a => a.StartsWith("--contentRoot", StringComparison.OrdinalIgnoreCase))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_CONTENTROOT"))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOTNET_CONTENTROOT"));
        return new WebApplicationOptions { Args = args, ContentRootPath = configured ? null : AppContext.BaseDirectory };
    }
}
