using Monitor.Core.Catalog;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>The page of posts the grid showed last, with the query it answered: carried from the prerender to the circuit.</summary>
public sealed record PostsFirstPage(Guid ProfileId, PostListQuery Query, IReadOnlyList<PostDto> Items, int TotalCount);
