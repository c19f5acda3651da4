using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Monitor.Core.Scraping.Simulation;
using Refit;

namespace Monitor.Core.Scraping;

public static class ScrapingServiceCollectionExtensions
{
    public const string HttpClientName = "ScrapeCreators";

    /// <summary>
    /// Registers <see cref="ScrapeCreatorsClient"/> over a Refit client with the standard resilience pipeline. Without an
    /// API key (section "ScrapeCreators:ApiKey" or root "SCRAPECREATORS_API_KEY") the simulated upstream answers instead.
    /// The credit and telemetry handlers are added by <c>AddUpstreamClient</c> (the root), which knows those features.
    /// </summary>
    public static IServiceCollection AddScrapeCreators(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ScrapeCreatorsOptions.SectionName);
        services.AddOptions<ScrapeCreatorsOptions>()
            .Bind(section)
            .PostConfigure(options =>
            {
                if (!options.HasApiKey)
                {
                    options.ApiKey = configuration[ScrapeCreatorsOptions.ApiKeyEnvironmentKey];
                }
            })
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ScrapeCreatorsOptions>, ScrapeCreatorsOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        var simulated = IsSimulated(configuration);
        services.AddSingleton(simulated
            ? new UpstreamMode(true, "Demo data: no ScrapeCreators API key is configured, so a built-in simulation answers.")
            : new UpstreamMode(false, "Live data from the ScrapeCreators API."));

        services.AddTransient<ApiKeyHandler>();
        var client = services
            .AddRefitGeneratedClient<IScrapeCreatorsApi>(_ => new RefitSettings(), HttpClientName)
            .ConfigureHttpClient((provider, http) =>
            {
                var options = provider.GetRequiredService<IOptions<ScrapeCreatorsOptions>>().Value;
                http.BaseAddress = options.BaseUrl;
                // The resilience pipeline owns the timeouts; this is only a backstop behind it.
                http.Timeout = options.TotalTimeout + TimeSpan.FromSeconds(10);
                http.MaxResponseContentBufferSize = CappedBodyReader.MaxBodyBytes;
            })
            .AddHttpMessageHandler<ApiKeyHandler>()
            // The factory's logging handlers opened a scope and built a log state for every request though their lines
            // are off (Warning); a run's calls are recorded by the ledger, the telemetry handler and the run log.
            .RemoveAllLoggers();

        client.AddStandardResilienceHandler().Configure((resilience, provider) => ScrapeCreatorsResilience.Apply(
            resilience,
            provider.GetRequiredService<IOptions<ScrapeCreatorsOptions>>().Value,
            provider.GetRequiredService<TimeProvider>()));

        if (simulated)
        {
            client.ConfigurePrimaryHttpMessageHandler(provider => new SimulatedScrapeCreatorsHandler(
                provider.GetRequiredService<TimeProvider>(),
                provider.GetRequiredService<IOptions<ScrapeCreatorsOptions>>().Value.SimulatedLatency));
        }

        services.AddTransient<ScrapeCreatorsClient>();
        return services;
    }

    /// <summary>No API key in either place: the simulated upstream answers (and its CDN serves the media cache).</summary>
    public static bool IsSimulated(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return string.IsNullOrWhiteSpace(configuration[$"{ScrapeCreatorsOptions.SectionName}:{nameof(ScrapeCreatorsOptions.ApiKey)}"])
            && string.IsNullOrWhiteSpace(configuration[ScrapeCreatorsOptions.ApiKeyEnvironmentKey]);
    }
}
