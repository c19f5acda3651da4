using Microsoft.Extensions.DependencyInjection;

namespace Monitor.Core.Changes;

public static class ChangesServiceCollectionExtensions
{
    /// <summary>The notes (the change feed, which reads the runs too, is registered with the catalog); the changes themselves are written by database triggers and the run's quality check.</summary>
    public static IServiceCollection AddChangeLog(this IServiceCollection services)
    {
        services.AddSingleton<AnnotationService>();
        return services;
    }
}
