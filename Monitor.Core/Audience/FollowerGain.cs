namespace Monitor.Core.Audience;

/// <summary>
/// Followers gained over <see cref="Days"/> days: the latest count minus the latest count recorded at least that many
/// days (×24 h) before it; <see cref="GrowthPercent"/> is that gain over the earlier count. Null without a count that old.
/// </summary>
public sealed record FollowerGain(int Days, long? Gain, double? GrowthPercent, DateTime? BaseAt, long? BaseFollowers)
{
    public static FollowerGain Between(int days, long? latest, DateTime? baseAt, long? baseFollowers) =>
        latest is { } now && baseFollowers is { } then
            ? new(days, now - then, then == 0 ? null : (now - then) * 100.0 / then, baseAt, then)
            : new(days, null, null, null, null);
}
