using System.Linq.Expressions;

namespace Monitor.Core.Posts;

/// <summary>Maps a column name from the grid or the API to an ordering; by default the newest post first.</summary>
internal static class PostSorting
{
    public static IQueryable<TiktokPost> Apply(IQueryable<TiktokPost> posts, string? sortBy, bool descending) =>
        (sortBy?.ToLowerInvariant()) switch
        {
            "views" => Order(posts, p => p.Views, descending),
            "likes" => Order(posts, p => p.Likes, descending),
            "shares" => Order(posts, p => p.Shares, descending),
            "comments" => Order(posts, p => p.Comments, descending),
            "saves" => Order(posts, p => p.Saves, descending),
            "description" => Order(posts, p => p.Description, descending),
            "lastseenat" => Order(posts, p => p.LastSeenAt, descending),
            _ => Order(posts, p => p.PostedAt, descending),
        };

    private static IOrderedQueryable<TiktokPost> Order<TKey>(IQueryable<TiktokPost> posts, Expression<Func<TiktokPost, TKey>> key, bool descending) =>
        (descending ? posts.OrderByDescending(key) : posts.OrderBy(key)).ThenByDescending(p => p.Id);
}
