namespace Monitor.Web.Endpoints;

/// <summary>Body of <c>PATCH /api/tiktok/profiles/{id}/monitoring</c>; null members are a bad request.</summary>
public sealed record SetMonitoringRequest(bool? Enabled);
