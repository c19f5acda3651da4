using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Insights.BestTime;
using Monitor.Core.Insights.Engagement;
using Monitor.Core.Insights.Leaderboards;
using Monitor.Core.Insights.SameAge;

namespace Monitor.Core.Insights;

public static class InsightsServiceCollectionExtensions
{
    /// <summary>The read-only insight queries: engagement, same-age views, best time to post, leaderboards.</summary>
    public static IServiceCollection AddInsights(this IServiceCollection services)
    {
        services.AddSingleton<EngagementQuery>();
        services.AddSingleton<SameAgeQuery>();
        services.AddSingleton<BestTimeQuery>();
        services.AddSingleton<LeaderboardQuery>();
        services.AddSingleton<ProfileInsights>();
        return services;
    }
}
