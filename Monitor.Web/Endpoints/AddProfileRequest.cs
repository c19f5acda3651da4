namespace Monitor.Web.Endpoints;

/// <param name="Handle">A handle, @handle or https://www.tiktok.com/@handle URL.</param>
/// <param name="MonitoringEnabled">Start monitoring at once (default true).</param>
/// <param name="IntervalHours">Hours between scheduled runs, 1–168 (default: the setting Monitoring:DefaultIntervalHours, 24).</param>
internal sealed record AddProfileRequest(string? Handle, bool? MonitoringEnabled, int? IntervalHours);
