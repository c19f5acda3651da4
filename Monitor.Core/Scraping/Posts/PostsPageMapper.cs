using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping.Wire;

namespace Monitor.Core.Scraping.Posts;

/// <summary>
/// Turns a videos page into snapshots, or refuses the whole page with a reason a user can read. A page is written in
/// one transaction, so refusing it keeps everything it would have written out, and the run's earlier pages stay.
/// </summary>
internal static class PostsPageMapper
{
    /// <summary>A real page holds tens of posts; a thousand is already far past anything the feed sends.</summary>
    public const int MaxPostsPerPage = 1_000;

    public static MappedPage Map(IReadOnlyList<WireAweme?> awemes)
    {
        ArgumentNullException.ThrowIfNull(awemes);
        if (awemes.Count > MaxPostsPerPage)
        {
            throw ScrapeCreatorsErrors.InvalidBody(string.Create(CultureInfo.InvariantCulture,
                $"the page lists {awemes.Count:N0} posts, more than the {MaxPostsPerPage:N0} a page can plausibly hold"));
        }

        var posts = new List<PostSnapshot>(awemes.Count);
        var captionsCut = 0;
        for (var i = 0; i < awemes.Count; i++)
        {
            var aweme = awemes[i] ?? throw ScrapeCreatorsErrors.InvalidBody($"post {i + 1} of the page is null");
            var id = aweme.AwemeId?.Trim();
            if (!WireMapper.IsAwemeId(id))
            {
                throw ScrapeCreatorsErrors.InvalidBody(
                    $"post {i + 1} of the page has aweme_id {Quote(id)}, not a numeric id of 1–{FieldLimits.AwemeIdLength} digits");
            }

            var post = WireMapper.ToSnapshot(aweme, id!);
            if (aweme.Desc?.Length > FieldLimits.DescriptionLength)
            {
                captionsCut++;
            }

            posts.Add(post);
        }

        return new MappedPage(posts, captionsCut);
    }

    private static string Quote(string? id) =>
        id is null ? "missing" : $"\"{ScrapeCreatorsErrors.Sanitize(id.Length <= 40 ? id : id[..40] + "…", null)}\"";
}
