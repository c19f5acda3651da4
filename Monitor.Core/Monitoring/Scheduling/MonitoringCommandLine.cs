using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Monitor.Core.Monitoring.Scheduling;

/// <summary>Command-line verbs of the monitoring feature.</summary>
public static class MonitoringCommandLine
{
    public const string TriggerMonitoring = "trigger-monitoring";

    /// <summary>
    /// <c>trigger-monitoring</c>: one sweep, then exit (the caller has migrated the database). The runs wait in their rows: on PostgreSQL the
    /// workers claim them (woken by the Queued events or their poll); on SQLite the app claims them when it next starts.
    /// </summary>
    /// <returns>True when a verb was handled and the process should exit.</returns>
    public static async Task<bool> TryRunAsync(IServiceProvider services, IReadOnlyCollection<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (!args.Contains(TriggerMonitoring))
        {
            return false;
        }

        var queued = await services.GetRequiredService<MonitoringSweep>().RunAsync(cancellationToken);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await scheduler.Shutdown(false, cancellationToken);
        await Console.Out.WriteLineAsync($"trigger-monitoring: {queued} run(s) queued");
        return true;
    }
}
