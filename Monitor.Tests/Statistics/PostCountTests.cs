using Microsoft.EntityFrameworkCore;
using Monitor.Core.Posts;
using Monitor.Core.Statistics;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Statistics;

/// <summary>
/// The statistics' post count on PostgreSQL: counted up to the threshold, the table's analysed row count past it (a
/// lower threshold stands in for a million posts), and never the estimate for a context restricted to workspaces.
/// </summary>
public sealed class PostCountTests(PostgresDatabase database) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task Count_PastTheThreshold_IsTheAnalysedEstimate_BelowIt_Exact()
    {
        await database.MigrateAsync();
        var profile = await GroupTestData.ProfileAsync(database, "post_count");
        for (var i = 0; i < 3; i++)
        {
            await GroupTestData.PostAsync(database, profile, DateTime.UtcNow.AddDays(-i), 100);
        }

        await using var db = database.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync("ANALYZE tiktok_posts");
        var posts = await db.Posts.LongCountAsync();

        Assert.Equal((posts, false), await PostCount.CountAsync(db, CancellationToken.None));
        Assert.Equal((posts, true), await PostCount.CountAsync(db, CancellationToken.None, exactUpTo: posts - 1));
    }
}
