namespace Monitor.Web.Components.Monitoring;

public sealed record MonitoringToggleResult(Guid ProfileId, string Handle, bool Enabled, DateTime? NextRun);
