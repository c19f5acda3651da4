namespace Monitor.Core.Audience;

/// <summary>The names a snapshot's source goes by in the API and the CSV.</summary>
public static class AccountSnapshotSources
{
    public static string Name(AccountSnapshotSource source) => source switch
    {
        AccountSnapshotSource.FeedAuthor => "feedAuthor",
        AccountSnapshotSource.ProfileCall => "profileCall",
        _ => "profileAdded",
    };

    /// <summary>What a reader sees, e.g. in the chart's tooltip.</summary>
    public static string Describe(AccountSnapshotSource source) => source switch
    {
        AccountSnapshotSource.FeedAuthor => "the feed's author counters",
        AccountSnapshotSource.ProfileCall => "the daily profile call",
        _ => "the profile lookup when it was added",
    };
}
