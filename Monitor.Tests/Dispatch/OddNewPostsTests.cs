using Monitor.Core.Dispatch;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Dispatch;

public sealed class OddNewPostsTests
{
    private static readonly PostsPage Page = new([Post("1"), Post("2"), Post("3")], HasMore: false, NextCursor: null)
    {
        OddPosts =
        [
            new OddPost(1, "1", "play_count: a count is -5", Skipped: false),
            new OddPost(1, "1", "digg_count: a count is 1.5", Skipped: false),
            new OddPost(2, "2", "share_count: a count is \"lots\"", Skipped: false),
            new OddPost(4, "x9", "aweme_id \"x9\" is not a numeric id", Skipped: true),
        ],
    };

    [Fact]
    public void LeaveOut_NoNewOddPost_IsThePageAsItWas() =>
        Assert.Same(Page, OddNewPosts.LeaveOut(Page, new HashSet<string>()));

    [Fact]
    public void LeaveOut_OneNewOddPost_DropsItAndMarksEachOfItsProblemsSkipped()
    {
        var page = OddNewPosts.LeaveOut(Page, new HashSet<string> { "1" });

        Assert.Equal(["2", "3"], page.Posts.Select(p => p.AwemeId));
        Assert.Equal(
            [
                (true, $"play_count: a count is -5 ({OddNewPosts.NewPostNote})"),
                (true, $"digg_count: a count is 1.5 ({OddNewPosts.NewPostNote})"),
                (false, "share_count: a count is \"lots\""),
                (true, "aweme_id \"x9\" is not a numeric id"),
            ],
            page.OddPosts.Select(o => (o.Skipped, o.Problem)));
    }

    private static PostSnapshot Post(string id) => new() { AwemeId = id };
}
