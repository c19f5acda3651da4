namespace Monitor.Core.Profiles;

/// <summary>How much of a profile's feed its runs read.</summary>
public enum ScanMode
{
    /// <summary>Every post on every run (the seed's behaviour).</summary>
    Full,

    /// <summary>Young posts often, older ones seldom, all of them in a weekly full scan: the ladder of <see cref="ScanOptions"/>.</summary>
    ByAge,
}
