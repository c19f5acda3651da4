namespace Monitor.Core.Groups.Compare;

/// <summary>What a comparison covers: the group, its members' ids and the period.</summary>
public sealed record CompareScope(Guid GroupId, IReadOnlyList<Guid> ProfileIds, ComparePeriod Period);
