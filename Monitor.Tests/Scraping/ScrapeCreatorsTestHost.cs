using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitor.Core;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Scraping;

/// <summary>The client as the app builds it (AddScrapeCreators over in-memory configuration), with tiny delays.</summary>
internal sealed class ScrapeCreatorsTestHost : IDisposable
{
    public const string ApiKey = "sc-test-key-7f3a9c1e5b2d4f60";

    private ScrapeCreatorsTestHost(ServiceProvider services, CapturingLoggerProvider logs)
    {
        Services = services;
        Logs = logs;
    }

    public ServiceProvider Services { get; }

    public CapturingLoggerProvider Logs { get; }

    public ScrapeCreatorsClient Client => Services.GetRequiredService<ScrapeCreatorsClient>();

    /// <summary>A live-mode client against <paramref name="baseUrl"/>; <paramref name="overrides"/> replace defaults.</summary>
    public static ScrapeCreatorsTestHost Live(string baseUrl, IDictionary<string, string?>? overrides = null) =>
        Create(new Dictionary<string, string?>
        {
            ["ScrapeCreators:ApiKey"] = ApiKey,
            ["ScrapeCreators:BaseUrl"] = baseUrl,
        }, overrides, timeProvider: null);

    /// <summary>No API key: the simulated upstream answers.</summary>
    public static ScrapeCreatorsTestHost Simulated(TimeProvider timeProvider, IDictionary<string, string?>? overrides = null) =>
        Create(new Dictionary<string, string?>(), overrides, timeProvider);

    public static ScrapeCreatorsTestHost Create(
        IDictionary<string, string?> settings, IDictionary<string, string?>? overrides, TimeProvider? timeProvider)
    {
        var values = new Dictionary<string, string?>
        {
            ["ScrapeCreators:AttemptTimeout"] = "00:00:02",
            ["ScrapeCreators:TotalTimeout"] = "00:00:10",
            ["ScrapeCreators:MaxRetryAttempts"] = "3",
            ["ScrapeCreators:RetryBaseDelay"] = "00:00:00.010",
            ["ScrapeCreators:MaxRetryAfter"] = "00:00:02",
            ["ScrapeCreators:SimulatedLatency"] = "00:00:00",
        };
        foreach (var (key, value) in settings.Concat(overrides ?? new Dictionary<string, string?>()))
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(logs));
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        services.AddUpstreamClient(configuration);
        return new ScrapeCreatorsTestHost(services.BuildServiceProvider(validateScopes: true), logs);
    }

    public void Dispose() => Services.Dispose();
}
