namespace Monitor.Web.Endpoints;

internal static class ApiEndpoints
{
    /// <summary>All REST routes live under /api, behind the API key (Security/ApiKeyMiddleware guards the whole path).</summary>
    public static RouteGroupBuilder MapMonitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapProfileEndpoints();
        api.MapAudienceEndpoints();
        api.MapPostEndpoints();
        api.MapInsightEndpoints();
        api.MapMonitoringEndpoints();
        api.MapCreditEndpoints();
        api.MapExportEndpoints("/tiktok/profiles");
        api.MapNotificationEndpoints();
        api.MapNotificationSettingsEndpoints();
        api.MapChangeEndpoints();
        api.MapGroupEndpoints();
        api.MapGroupInsightEndpoints();
        api.MapAuditEndpoints();
        api.MapReportEndpoints();
        api.MapSummaryEndpoints();
        api.MapShareLinkEndpoints();
        api.MapWorkspaceEndpoints();
        return api;
    }
}
