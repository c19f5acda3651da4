using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Monitor.Core.Data;
using Monitor.Core.Scraping.Simulation;
using Quartz;

namespace Monitor.Core.Media;

public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// The media cache: its options (validated on start), the store for this database (a table on PostgreSQL, files on
    /// SQLite), the download client and the pass the job runs. The job itself is added with the scheduler (AddMediaJobs).
    /// </summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, IConfiguration configuration, DatabaseSettings database, bool simulatedUpstream)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(database);
        services.AddOptions<MediaOptions>()
            .Bind(configuration.GetSection(MediaOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaOptions>, MediaOptionsValidator>());
        if (database.Provider == DatabaseProvider.Postgres)
        {
            services.AddSingleton<IMediaBlobStore, DatabaseMediaBlobStore>();
        }
        else
        {
            services.AddSingleton<IMediaBlobStore, FileMediaBlobStore>();
        }

        // Its own client: no resilience handler (each image has its own backoff), no automatic redirects (checked by
        // hand: http(s) only), and the timeout from Media:Timeout applied per download.
        var client = services.AddHttpClient(MediaDownloader.HttpClientName)
            .ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(provider => new SocketsHttpHandler
            {
                ConnectCallback = (context, token) => MediaAddressGuard.ConnectAsync(
                    context, provider.GetRequiredService<IOptions<MediaOptions>>().Value.AllowPrivateAddresses, token),
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.None,
                ConnectTimeout = TimeSpan.FromSeconds(10),
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                UseCookies = false,
            })
            .RemoveAllLoggers();
        if (simulatedUpstream)
        {
            client.AddHttpMessageHandler(() => new SimulatedMediaHandler());
        }

        services.AddSingleton<MediaDownloader>();
        services.AddSingleton<MediaReferenceSync>();
        services.AddSingleton<MediaVisibility>();
        services.AddSingleton<MediaFetcher>();
        services.AddSingleton<MediaGarbageCollector>();
        services.AddSingleton<MediaCache>();
        return services;
    }

    /// <summary>The cache's pass every <c>Media:Interval</c>, run by nodes serving the <c>media-cache</c> execution group.</summary>
    public static void AddMediaJobs(this IQuartzBuilder quartz, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = configuration.GetSection(MediaOptions.SectionName).Get<MediaOptions>() ?? new MediaOptions();
        var interval = options.Interval >= TimeSpan.FromSeconds(1) ? options.Interval : new MediaOptions().Interval;
        quartz.AddJob<MediaCacheJob>(j => j.WithIdentity(MediaCacheJob.Key).StoreDurably());
        quartz.AddTrigger(t => t
            .ForJob(MediaCacheJob.Key)
            .WithIdentity("media-cache-interval", MediaCacheJob.Key.Group)
            .WithExecutionGroup(MediaCacheJob.ExecutionGroup)
            .StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }
}
