using Monitor.Core.Media;

namespace Monitor.Core.Common;

/// <summary>What this process executes, from <c>QUEUE_NAME</c>. Every role can queue runs.</summary>
public enum QueueRole
{
    /// <summary>Web, API and every kind of job (the default).</summary>
    All,

    /// <summary>Executes monitoring runs and the sweep.</summary>
    ProfileMonitor,

    /// <summary>Executes media caching only (a later issue); no monitoring.</summary>
    MediaCache,

    /// <summary>Web and API only: the scheduler is never started.</summary>
    None,
}
