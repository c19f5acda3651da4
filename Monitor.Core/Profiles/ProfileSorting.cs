namespace Monitor.Core.Profiles;

/// <summary>Maps a column name from the grid or the API to an ordering; unknown names fall back to the handle.</summary>
internal static class ProfileSorting
{
    public static IQueryable<TiktokProfile> Apply(IQueryable<TiktokProfile> profiles, string? sortBy, bool descending) =>
        (sortBy?.ToLowerInvariant()) switch
        {
            "nickname" => Order(profiles, p => p.Nickname, descending),
            "lastmonitoringrun" => Order(profiles, p => p.LastMonitoringRun, descending),
            "nextmonitoringrun" => Order(profiles, p => p.NextMonitoringRun, descending),
            "monitoringenabled" => Order(profiles, p => p.MonitoringEnabled, descending),
            "totalposts" => Order(profiles, p => p.TotalPosts, descending),
            "totalviews" => Order(profiles, p => p.TotalViews, descending),
            "totallikes" => Order(profiles, p => p.TotalLikes, descending),
            "totalshares" => Order(profiles, p => p.TotalShares, descending),
            "totalcomments" => Order(profiles, p => p.TotalComments, descending),
            "totalsaves" => Order(profiles, p => p.TotalSaves, descending),
            "createdat" => Order(profiles, p => p.CreatedAt, descending),
            _ => Order(profiles, p => p.Handle, descending),
        };

    private static IOrderedQueryable<TiktokProfile> Order<TKey>(IQueryable<TiktokProfile> profiles, System.Linq.Expressions.Expression<Func<TiktokProfile, TKey>> key, bool descending) =>
        (descending ? profiles.OrderByDescending(key) : profiles.OrderBy(key)).ThenBy(p => p.Id);
}
