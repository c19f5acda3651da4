using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using Monitor.Core.Common;
using Monitor.Core.Credits;
using Monitor.Core.Notifications.Alerts;
using Monitor.Core.Notifications.Channels;
using Monitor.Core.Notifications.Delivery;

namespace Monitor.Core.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    /// <summary>Channels, the outbox, the alert rules and, on processes that execute work, the dispatcher.</summary>
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.SectionName))
            .Validate(o => o.FailuresBeforeAlert is >= 1 and <= NotificationSettings.MaxFailuresBeforeAlert, "Notifications:FailuresBeforeAlert is 1–100.")
            .Validate(o => o.DigestHour is >= 0 and <= 23, "Notifications:DigestHour is 0–23.")
            .Validate(o => o.PollInterval > TimeSpan.Zero && o.SendTimeout > TimeSpan.Zero, "Notifications:PollInterval and SendTimeout must be positive.")
            .Validate(o => DashboardLink.IsValid(o.DashboardUrl), "Notifications:DashboardUrl must be an absolute http or https address without a query.")
            .ValidateOnStart();
        // Keys and their storage come from the web app (in the database); without it, the defaults.
        services.AddDataProtection();
        services.AddSingleton<NotificationSecrets>();
        services.AddSingleton<ICreditAlertSink, CreditAlertNotifications>();
        services.AddSingleton<NotificationSettingsStore>();
        services.AddSingleton<ChannelService>();
        services.AddSingleton<WorkspaceAlertRulesService>();
        services.AddSingleton<ProfileThresholdService>();
        services.AddSingleton<NotificationQueries>();
        services.AddSingleton<NotificationOutbox>();
        services.AddSingleton<EmailSender>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<ChannelSender>();
        services.AddSingleton<DeliveryQueue>();
        services.AddSingleton<DeliveryRunner>();
        services.AddSingleton<ChannelTester>();
        services.AddSingleton<RunEventProcessor>();
        services.AddSingleton<DailyDigest>();
        services.AddSingleton<NotificationWork>();
        // The URL of a webhook is a secret: no request logging (it would write the URL), no retries (the queue retries).
        services.AddHttpClient(WebhookSender.ClientName).RemoveAllLoggers();
        if (SchedulingSettings.FromConfiguration(configuration).ExecutesMonitoring)
        {
            services.AddHostedService<NotificationDispatcher>();
        }

        return services;
    }
}
