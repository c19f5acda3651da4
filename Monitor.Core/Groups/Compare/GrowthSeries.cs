namespace Monitor.Core.Groups.Compare;

/// <summary>
/// One profile's line of the indexed chart. <see cref="BaseDay"/> is its first day with a value in the period: the
/// period's first day, or a later one (<see cref="StartsLate"/>, said in <see cref="Note"/>). No points when the
/// profile has no value in the period, or its base value is 0 (nothing to index against).
/// </summary>
public sealed record GrowthSeries(
    Guid ProfileId,
    string Handle,
    bool IsOwn,
    DateOnly? BaseDay,
    double? BaseValue,
    bool StartsLate,
    string? Note,
    IReadOnlyList<GrowthPoint> Points);
