namespace Monitor.Core.Scraping;

/// <summary>
/// A post of a feed page with a value the monitor cannot use. <see cref="Skipped"/>: the post itself was left out
/// (no usable id, unreadable, or an odd counter on a post not stored yet); otherwise the post was written without the
/// refused counters, which keep their last good values.
/// </summary>
/// <param name="Position">1-based place on its page.</param>
/// <param name="AwemeId">The post's id as sent (cut short), when it had one.</param>
/// <param name="Problem">What was wrong, e.g. <c>digg_count: a count is -5, not a whole number from 0 to 10^15</c>.</param>
public sealed record OddPost(int Position, string? AwemeId, string Problem, bool Skipped)
{
    /// <summary>The run's page the post was on (1-based); 0 until the run sets it.</summary>
    public int Page { get; init; }

    public string Describe()
    {
        var where = Page > 0 ? $"page {Page}, post {Position}" : $"post {Position}";
        var which = AwemeId is null ? where : $"{AwemeId} ({where})";
        return Skipped ? $"{which} skipped: {Problem}" : $"{which} kept its last {Problem}";
    }
}
