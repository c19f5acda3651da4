namespace Monitor.Web.Endpoints;

/// <summary>The global notification settings to change; a field left out keeps its value.</summary>
internal sealed record NotificationSettingsInput(int? FailuresBeforeAlert, double? GrowthPercent, long? GrowthViews, double? BreakoutMultiple);
