namespace Monitor.Core.Audience;

public enum MilestoneOutlook
{
    /// <summary>Followers rise: the next milestone has a projected date.</summary>
    Projected,

    /// <summary>Too few follower counts, or too short a span, to fit a trend.</summary>
    NotEnoughData,

    /// <summary>The trend is flat: no date would mean anything.</summary>
    Flat,

    /// <summary>Followers fall: the next milestone is not projected.</summary>
    Falling,

    /// <summary>Rising, but so slowly that the milestone is more than <see cref="MilestoneProjection.HorizonYears"/> years away.</summary>
    TooFar,

    /// <summary>Past the highest milestone there is.</summary>
    PastTopMilestone,
}
