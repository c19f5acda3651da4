using System.Text.Json;

namespace Monitor.Tests.Changes;

/// <summary>A creator's one-page feed that a test edits between runs: each post's caption, pin, views and posting time.</summary>
internal sealed class ChangeFeedPage
{
    public List<CraftedPost> Posts { get; } = [];

    /// <summary>Answer with this status and body instead (a failing upstream).</summary>
    public (int Status, string Body)? Failure { get; set; }

    public CraftedPost this[string id] => Posts.Single(p => p.Id == id);

    public (int Status, string Body) Respond(string? cursor) => Failure ?? (200, JsonSerializer.Serialize(new
    {
        success = true,
        aweme_list = Posts.Select(p => new
        {
            aweme_id = p.Id,
            desc = p.Caption,
            create_time = p.PostedAt.ToUnixTimeSeconds(),
            is_top = p.Pinned ? 1 : 0,
            share_url = $"https://www.tiktok.com/@x/video/{p.Id}",
            statistics = new { play_count = p.Views, digg_count = p.Views / 10, share_count = 1, comment_count = 2, collect_count = 3 },
        }),
        has_more = false,
        max_cursor = "0",
    }));
}
