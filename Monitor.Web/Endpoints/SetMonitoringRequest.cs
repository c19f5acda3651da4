using Monitor.Core.Profiles;

namespace Monitor.Web.Endpoints;

/// <summary>Body of <c>PATCH /api/tiktok/profiles/{id}/monitoring</c>: at least one member; a missing one is left as it is.</summary>
/// <param name="Enabled">Monitoring on or off.</param>
/// <param name="IntervalHours">Hours between scheduled runs, 1–168; the next run is counted anew from the last one.</param>
/// <param name="ScanMode"><c>full</c> (every post on every run) or <c>byAge</c> (young posts often, all weekly).</param>
/// <param name="ExcludeUnseenPosts">Leave posts "not seen since …" (missing from several full scans) out of the totals.</param>
public sealed record SetMonitoringRequest(bool? Enabled, int? IntervalHours, ScanMode? ScanMode = null, bool? ExcludeUnseenPosts = null);
