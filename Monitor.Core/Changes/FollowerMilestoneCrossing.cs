using System.Globalization;
using Monitor.Core.Audience;

namespace Monitor.Core.Changes;

/// <summary>
/// What a <see cref="ChangeKinds.FollowerMilestone"/> entry says: the milestone of
/// <see cref="MilestoneProjection.Milestones"/> that one step between two follower counts crossed. When a step crossed
/// several, the one furthest along: the highest reached going up, the lowest fallen below going down.
/// </summary>
public static class FollowerMilestoneCrossing
{
    /// <returns>"Reached 10K followers (9,900 → 10,200)", "Fell below 10K followers (…)", or null when no milestone lies between.</returns>
    public static string? Describe(long previous, long current)
    {
        var milestones = MilestoneProjection.Milestones;
        var (verb, milestone) = current >= previous
            ? ("Reached", milestones.LastOrDefault(m => previous < m && current >= m))
            : ("Fell below", milestones.FirstOrDefault(m => previous >= m && current < m));
        return milestone == 0
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"{verb} {MilestoneProjection.Abbreviate(milestone)} followers ({previous:N0} → {current:N0})");
    }

    /// <summary>The same, from the feed's text columns (the counts as the database wrote them).</summary>
    public static string? Describe(string? previous, string? current) =>
        long.TryParse(previous, NumberStyles.Integer, CultureInfo.InvariantCulture, out var from)
        && long.TryParse(current, NumberStyles.Integer, CultureInfo.InvariantCulture, out var to)
            ? Describe(from, to)
            : null;
}
