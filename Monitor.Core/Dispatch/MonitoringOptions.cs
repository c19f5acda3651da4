using System.ComponentModel.DataAnnotations;
using Monitor.Core.Profiles;
using Monitor.Core.Scraping;

namespace Monitor.Core.Dispatch;

public sealed class MonitoringOptions
{
    public const string SectionName = "Monitoring";

    /// <summary>The zone daily figures (statistics, daily changes) are counted in: an IANA id such as Europe/Berlin; UTC when empty.</summary>
    public string TimeZone { get; set; } = "UTC";

    /// <summary>The interval of a profile added without one, in hours (1–168); each profile's own interval can then be changed.</summary>
    [Range(MonitoringInterval.MinHours, MonitoringInterval.MaxHours)]
    public int DefaultIntervalHours { get; set; } = MonitoringInterval.StandardHours;

    /// <summary>Pause between two pages of one profile, to be gentle with the upstream.</summary>
    public TimeSpan PageDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A run stops after this many pages even if the upstream says there are more.</summary>
    [Range(1, 100_000)]
    public int MaxPages { get; set; } = 1_000;

    /// <summary>Runs executing at once in one worker process.</summary>
    [Range(1, 256)]
    public int Concurrency { get; set; } = 5;

    /// <summary>
    /// Runs started beyond <see cref="Concurrency"/>, while upstream page requests stay capped at Concurrency
    /// (<see cref="UpstreamSlots"/>): while some runs claim, close, or pause between pages (<see cref="PageDelay"/>),
    /// the others keep Concurrency pages in flight, and a manual run's pages go first. Unset: as many as Concurrency.
    /// 0 keeps one run per slot (a run then holds its slot through its claim, pauses and close).
    /// </summary>
    [Range(0, 256)]
    public int? RunsAhead { get; set; }

    /// <summary><see cref="RunsAhead"/> as configured, or <see cref="Concurrency"/> when unset.</summary>
    public int EffectiveRunsAhead => RunsAhead ?? Concurrency;

    /// <summary>
    /// How often a worker looks at the run queue when nothing woke it: a run queued in this process or on another node
    /// (through the PostgreSQL event bridge) wakes it at once, and a run due later at its due time; this is the fallback.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan QueuePoll { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Quartz cron expression of the sweep that queues due profiles.</summary>
    [Required]
    public string SweepCron { get; set; } = "0 0 * * * ?";

    /// <summary>Scheduled runs queued by one sweep start at a random offset up to this, to spread upstream load.</summary>
    public TimeSpan SweepJitter { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Delay before the second attempt of a failed run; doubled for each further attempt.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts in all for one due run, the first included.</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 3;

    /// <summary>
    /// A running run whose heartbeat is older than this is taken for dead (its process crashed, hung or could not
    /// write) and is interrupted and retried by the reaper. Heartbeats come every quarter of it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan StaleRunAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often each worker's reaper looks for runs with a stale heartbeat.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan ReaperPeriod { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan HeartbeatInterval => StaleRunAfter / 4;

    /// <summary><c>Monitoring:AccountCounters</c>: the daily profile call for the account's counters.</summary>
    public Audience.AccountCounterOptions AccountCounters { get; set; } = new();
}
