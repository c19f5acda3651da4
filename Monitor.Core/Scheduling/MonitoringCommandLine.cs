using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Monitor.Core.Scheduling;

/// <summary>Command-line verbs of the monitoring feature.</summary>
public static class MonitoringCommandLine
{
    public const string RunSweep = "run-sweep";

    /// <summary>The verb's former name, still accepted so existing cron entries and CronJobs keep working.</summary>
    public const string RunSweepAlias = "trigger-monitoring";

    /// <summary>
    /// <c>run-sweep</c> (or its former name <c>trigger-monitoring</c>): one sweep, then exit (the caller has migrated the database). The runs wait in their rows: on PostgreSQL the
    /// workers claim them (woken by the Queued events or their poll); on SQLite the app claims them when it next starts.
    /// </summary>
    /// <returns>True when a verb was handled and the process should exit.</returns>
    public static async Task<bool> TryRunAsync(IServiceProvider services, IReadOnlyCollection<string> args, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(args);
        if (!IsRunSweep(args))
        {
            return false;
        }

        var queued = await services.GetRequiredService<MonitoringSweep>().RunAsync(cancellationToken);
        var scheduler = await services.GetRequiredService<ISchedulerFactory>().GetScheduler(cancellationToken);
        await scheduler.Shutdown(false, cancellationToken);
        await Console.Out.WriteLineAsync($"{RunSweep}: {queued} run(s) queued");
        return true;
    }

    public static bool IsRunSweep(IReadOnlyCollection<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args.Contains(RunSweep) || args.Contains(RunSweepAlias);
    }
}
