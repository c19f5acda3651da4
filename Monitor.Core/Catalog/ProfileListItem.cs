using Monitor.Core.Common.Json;
using Monitor.Core.Runs;
namespace Monitor.Core.Catalog;

/// <summary>
/// A row of the profiles list: the profile and the status of its latest run. On the wire the profile's fields sit at the
/// top level of the item, beside <c>lastRunStatus</c> and <c>lastRunError</c>.
/// </summary>
public sealed record ProfileListItem([property: JsonFlatten] ProfileDto Profile, MonitoringStatus? LastRunStatus, string? LastRunError);
