namespace Monitor.Core.Scans;

/// <summary>A rung of a by-age profile's ladder as the API and the profile page show it.</summary>
/// <param name="MaxAgeHours">Posts younger than this are refreshed by the rung; null for the full scan.</param>
/// <param name="EveryHours">Its period: no post it covers is staler than this.</param>
/// <param name="LastRefresh">Start of the last completed run that covered it.</param>
/// <param name="NextRefresh">When the sweep will queue it next; null while monitoring is off.</param>
public sealed record ScanRungView(int? MaxAgeHours, double EveryHours, DateTime? LastRefresh, DateTime? NextRefresh);
