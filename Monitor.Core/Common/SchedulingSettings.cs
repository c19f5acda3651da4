using Microsoft.Extensions.Configuration;
using Monitor.Core.Media;

namespace Monitor.Core.Common;

/// <summary>Process-level scheduling choices read once at start: the role and the Quartz scheduler name.</summary>
public sealed record SchedulingSettings(QueueRole Role, string SchedulerName)
{
    public const string QueueNameKey = "QUEUE_NAME";

    /// <summary>Nodes of one cluster share this name; tests give each database its own.</summary>
    public const string SchedulerNameKey = "Quartz:SchedulerName";

    public const string DefaultSchedulerName = "monitor";

    public bool ExecutesMonitoring => Role is QueueRole.All or QueueRole.ProfileMonitor;

    public bool StartsScheduler => Role is not QueueRole.None;

    public static SchedulingSettings FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var name = configuration[SchedulerNameKey];
        return new(ParseRole(configuration[QueueNameKey]), string.IsNullOrWhiteSpace(name) ? DefaultSchedulerName : name);
    }

    public static QueueRole ParseRole(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "all" => QueueRole.All,
        "profile-monitor" => QueueRole.ProfileMonitor,
        "media-cache" => QueueRole.MediaCache,
        "none" => QueueRole.None,
        _ => throw new InvalidOperationException(
            $"{QueueNameKey}='{value}' is not one of: all, profile-monitor, media-cache, none."),
    };
}
