using Monitor.Core.Monitoring.Scans;

namespace Monitor.Web.Endpoints;

/// <summary>Body of <c>PATCH /api/tiktok/profiles/{id}/monitoring</c>: what to change; a body that changes nothing is a bad request.</summary>
/// <param name="Enabled">Switch monitoring on or off.</param>
/// <param name="ScanMode"><c>full</c> (every post on every run) or <c>byAge</c> (young posts often, all weekly).</param>
public sealed record SetMonitoringRequest(bool? Enabled, ScanMode? ScanMode = null);
