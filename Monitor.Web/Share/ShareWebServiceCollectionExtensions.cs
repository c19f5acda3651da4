namespace Monitor.Web.Share;

public static class ShareWebServiceCollectionExtensions
{
    /// <summary>The shared pages' limits and password cookie.</summary>
    public static IServiceCollection AddSharedPages(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ShareOptions>(configuration.GetSection(ShareOptions.Section));
        services.AddSingleton<ShareThrottle>();
        services.AddSingleton<ShareUnlockCookie>();
        return services;
    }
}
