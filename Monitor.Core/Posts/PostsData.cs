using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;

namespace Monitor.Core.Posts;

/// <summary>This feature's tables on the shared context; declared here, not on the context, so the data layer knows no feature.</summary>
public static class PostsData
{
    extension(MonitorDbContext db)
    {
        public DbSet<TiktokPost> Posts => db.Set<TiktokPost>();
        public DbSet<TikTokPostMetricsHistory> PostMetricsHistory => db.Set<TikTokPostMetricsHistory>();
        public DbSet<TiktokPostHashtag> PostHashtags => db.Set<TiktokPostHashtag>();
    }
}
