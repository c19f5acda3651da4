using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Scraping;

namespace Monitor.Core.Runs;

/// <summary>
/// A run's note on its log: why paging stopped early, then the feed's odd posts, counted and each named, so a reader of
/// the log sees that a post was skipped or kept a last value, and which. Cut to the column.
/// </summary>
public static class RunNote
{
    public static string? Compose(string? stopNote, IReadOnlyCollection<OddPost> oddPosts)
    {
        ArgumentNullException.ThrowIfNull(oddPosts);
        if (oddPosts.Count == 0)
        {
            return stopNote;
        }

        var posts = oddPosts.Select(o => (o.Page, o.Position)).Distinct().Count();
        var odd = string.Create(CultureInfo.InvariantCulture,
            $"{posts} odd post{(posts == 1 ? "" : "s")} on the feed, the rest written: {string.Join("; ", oddPosts.Select(o => o.Describe()))}.");
        var note = stopNote is null ? odd : $"{stopNote} {odd}";
        return FieldLimits.Cut(note, FieldLimits.RunNoteLength, marked: true);
    }
}
