using Monitor.Core.Common;
using Monitor.Core.Runs;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Runs;

public sealed class RunNoteTests
{
    private const string Stop = "Stopped at the page cap (3 pages, Monitoring:MaxPages); the upstream had more.";

    [Fact]
    public void Compose_NoOddPost_IsTheStopNoteAlone()
    {
        Assert.Null(RunNote.Compose(null, []));
        Assert.Equal(Stop, RunNote.Compose(Stop, []));
    }

    [Fact]
    public void Compose_OddPosts_CountsPostsOnceAndNamesEachProblem()
    {
        OddPost[] odd =
        [
            new(1, "7000000000000000001", "play_count: a count is -5, not a whole number from 0 to 10^15", Skipped: false) { Page = 2 },
            new(1, "7000000000000000001", "digg_count: a count is 1.5, not a whole number from 0 to 10^15", Skipped: false) { Page = 2 },
            new(4, "\u0661\u0662", "aweme_id \"\u0661\u0662\" is not a numeric id of 1–32 digits", Skipped: true) { Page = 3 },
        ];

        var note = RunNote.Compose(Stop, odd);

        Assert.Equal(
            Stop + " 2 odd posts on the feed, the rest written: "
            + "7000000000000000001 (page 2, post 1) kept its last play_count: a count is -5, not a whole number from 0 to 10^15; "
            + "7000000000000000001 (page 2, post 1) kept its last digg_count: a count is 1.5, not a whole number from 0 to 10^15; "
            + "\u0661\u0662 (page 3, post 4) skipped: aweme_id \"\u0661\u0662\" is not a numeric id of 1–32 digits.",
            note);
    }

    [Fact]
    public void Compose_ManyOddPosts_IsCutToTheColumnEndingInAnEllipsis()
    {
        var odd = Enumerable.Range(1, 50).Select(n => new OddPost(n, null, "the post is a number, not an object", Skipped: true)).ToList();

        var note = RunNote.Compose(null, odd)!;

        Assert.Equal(FieldLimits.RunNoteLength, note.Length);
        Assert.StartsWith("50 odd posts on the feed", note, StringComparison.Ordinal);
        Assert.EndsWith("…", note, StringComparison.Ordinal);
    }
}
