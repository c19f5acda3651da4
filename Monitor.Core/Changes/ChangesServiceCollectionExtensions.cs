using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>The change feed and the notes; the changes themselves are written by database triggers and the run's quality check.</summary>
    public static IServiceCollection AddChangeLog(this IServiceCollection services)
    {
        services.AddSingleton<ChangeFeedService>();
        services.AddSingleton<AnnotationService>();
        return services;
    }
}
