using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping.Wire;

namespace Monitor.Core.Scraping.Posts;

/// <summary>
/// Turns a videos page into snapshots, one post at a time: an odd post costs only itself (no usable id: skipped) or
/// its odd counter (left unreported, so the stored value stays), and is named in <see cref="MappedPage.OddPosts"/>.
/// A page that cannot be trusted as a whole (absurdly long, or not one entry that reads as a post) is refused with a
/// reason a user can read; it is written in one transaction, so refusing it keeps everything it would have written out.
/// </summary>
internal static class PostsPageMapper
{
    /// <summary>A real page holds tens of posts; a thousand is already far past anything the feed sends.</summary>
    public const int MaxPostsPerPage = 1_000;

    public static MappedPage Map(IReadOnlyList<WireFeedItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > MaxPostsPerPage)
        {
            throw ScrapeCreatorsErrors.InvalidBody(string.Create(CultureInfo.InvariantCulture,
                $"the page lists {items.Count:N0} posts, more than the {MaxPostsPerPage:N0} a page can plausibly hold"));
        }

        var posts = new List<PostSnapshot>(items.Count);
        var odd = new List<OddPost>();
        var captionsCut = 0;
        for (var i = 0; i < items.Count; i++)
        {
            var (aweme, unreadable, rawId) = items[i];
            var id = aweme?.AwemeId?.Trim();
            if (aweme is null || !WireMapper.IsAwemeId(id))
            {
                var problem = unreadable ?? (aweme is null ? "the post is null"
                    : $"aweme_id {Quote(id)} is not a numeric id of 1–{FieldLimits.AwemeIdLength} digits");
                odd.Add(new OddPost(i + 1, Shown(rawId ?? id), problem, Skipped: true));
                continue;
            }

            foreach (var (name, value) in aweme.Statistics?.Refused() ?? [])
            {
                odd.Add(new OddPost(i + 1, id, $"{name}: {WireCountReader.Describe(value)}", Skipped: false));
            }

            if (aweme.Desc?.Length > FieldLimits.DescriptionLength)
            {
                captionsCut++;
            }

            posts.Add(WireMapper.ToSnapshot(aweme, id!));
        }

        if (items.Count > 0 && items.All(item => item.Aweme is null))
        {
            // Not one entry reads as a post: a broken page, not an empty feed (which would end the run). A page whose
            // posts read but carry odd ids (the feed's last page may hold just one) is written as what it is.
            throw ScrapeCreatorsErrors.InvalidBody($"none of the page's {items.Count} posts could be read; post 1: {odd[0].Problem}");
        }

        return new MappedPage(posts, captionsCut, odd);
    }

    private static string? Shown(string? id) =>
        id is null ? null : ScrapeCreatorsErrors.Sanitize(FieldLimits.Cut(id, 41, marked: true), null);

    private static string Quote(string? id) => Shown(id) is { } shown ? $"\"{shown}\"" : "missing";
}
