namespace Monitor.Web.Endpoints;

internal static class ApiEndpoints
{
    /// <summary>All REST routes live under /api behind the API key.</summary>
    public static RouteGroupBuilder MapMonitorApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").AddEndpointFilter<ApiKeyEndpointFilter>();
        api.MapProfileEndpoints();
        api.MapPostEndpoints();
        api.MapMonitoringEndpoints();
        api.MapExportEndpoints("/tiktok/profiles");
        return api;
    }
}
