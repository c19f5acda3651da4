using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Groups.Compare;
using Monitor.Core.Workspaces;

namespace Monitor.Core.Groups;

public static class GroupsServiceCollectionExtensions
{
    /// <summary>Groups, their membership and the comparison with its figure families and growth series (in table order).</summary>
    public static IServiceCollection AddGroups(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<GroupOptions>()
            .Bind(configuration.GetSection(GroupOptions.SectionName))
            .Validate(o => o.MaxMembers is >= 1 and <= GroupRules.MaxMembersLimit, $"Groups:MaxMembers must be 1–{GroupRules.MaxMembersLimit}.")
            .ValidateOnStart();
        services.AddSingleton<GroupService>();
        services.AddSingleton<GroupMembership>();
        services.AddSingleton<IWorkspaceUnlinkStep, GroupUnlinkStep>();
        services.AddSingleton<GroupInsights>();
        services.AddSingleton<ICompareFigures, PostCompareFigures>();
        services.AddSingleton<ICompareFigures, CreditCompareFigures>();
        services.AddSingleton<ICompareFigures, FollowerCompareFigures>();
        services.AddSingleton<ICompareFigures, EngagementCompareFigures>();
        services.AddSingleton<ICompareFigures, SameAgeCompareFigures>();
        services.AddSingleton<IGrowthSeriesSource, FollowersGrowthSource>();
        services.AddSingleton<IGrowthSeriesSource, TotalViewsGrowthSource>();
        services.AddSingleton<GroupCompareService>();
        return services;
    }
}
