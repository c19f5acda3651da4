namespace Monitor.Web.Endpoints;

/// <param name="Handle">A handle, @handle or https://www.tiktok.com/@handle URL.</param>
/// <param name="MonitoringEnabled">Start monitoring at once (default true).</param>
internal sealed record AddProfileRequest(string? Handle, bool? MonitoringEnabled);
