using Monitor.Core.Posts;

namespace Monitor.Core.Scraping.Posts;

/// <param name="CaptionsCut">Captions longer than the column, kept cut to it (ending in "…").</param>
/// <param name="OddPosts">Posts skipped, or written without a refused counter.</param>
internal sealed record MappedPage(IReadOnlyList<PostSnapshot> Posts, int CaptionsCut, IReadOnlyList<OddPost> OddPosts);
