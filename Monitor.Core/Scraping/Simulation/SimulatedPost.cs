namespace Monitor.Core.Scraping.Simulation;

/// <summary>One post of a simulated account. Everything but the counters is fixed by the handle and the post's index.</summary>
internal sealed record SimulatedPost(
    long Index,
    string AwemeId,
    DateTimeOffset CreatedAt,
    string Description,
    bool IsSlideshow,
    bool HasPlayCount,
    int DurationMilliseconds,
    double PeakViews,
    double LikeRate,
    double CommentRate,
    double ShareRate,
    double SaveRate,
    SimulatedSignals Signals)
{
    private static readonly TimeSpan RiseTime = TimeSpan.FromDays(2);
    private static readonly TimeSpan TailTime = TimeSpan.FromDays(7);

    /// <summary>Counters grow fast over the first days, then slowly forever: non-decreasing in <paramref name="now"/>.</summary>
    public SimulatedMetrics MetricsAt(DateTimeOffset now)
    {
        var age = Math.Max(0, (now - CreatedAt).TotalSeconds);
        var growth = (1 - Math.Exp(-age / RiseTime.TotalSeconds)) + (0.15 * Math.Log(1 + (age / TailTime.TotalSeconds)));
        var views = PeakViews * growth;
        var likes = views * LikeRate;
        return new SimulatedMetrics(
            HasPlayCount ? (long)Math.Floor(views) : null,
            (long)Math.Floor(likes),
            (long)Math.Floor(likes * CommentRate),
            (long)Math.Floor(likes * ShareRate),
            (long)Math.Floor(likes * SaveRate));
    }

    public long CreateTimeSeconds => CreatedAt.ToUnixTimeSeconds();

    public long CursorMilliseconds => CreatedAt.ToUnixTimeMilliseconds();
}
