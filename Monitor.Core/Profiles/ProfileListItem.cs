using Monitor.Core.Monitoring;

namespace Monitor.Core.Profiles;

/// <summary>A row of the profiles list: the profile and the status of its latest run.</summary>
public sealed record ProfileListItem(ProfileDto Profile, MonitoringStatus? LastRunStatus, string? LastRunError);
