namespace Monitor.Core.Posts.History;

/// <summary>How finely an observation of the post history is kept.</summary>
public enum HistoryResolution
{
    /// <summary>Every observation.</summary>
    Raw,

    /// <summary>The last observation of each post and day.</summary>
    Daily,

    /// <summary>The last observation of each post and week (Monday to Sunday).</summary>
    Weekly,
}
