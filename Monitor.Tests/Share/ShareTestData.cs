using Microsoft.EntityFrameworkCore;
using Monitor.Core.Media;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Reports;

namespace Monitor.Tests.Share;

/// <summary>A client's profile with last month's report data and a few points of this month, plus another profile that must never show.</summary>
internal static class ShareTestData
{
    public static async Task<(Guid Client, Guid Other)> SeedAsync(TestDatabase database, IMediaBlobStore blobs, string clientHandle, string otherHandle)
    {
        var (client, _) = await ReportTestData.SeedProfileAsync(database, blobs, clientHandle);
        var other = await GroupTestData.ProfileAsync(database, otherHandle);

        // Points inside the current calendar month (UTC, the default Monitoring:TimeZone), whatever day the test runs.
        var now = DateTime.UtcNow;
        var monthStart = new DateTime(now.Year, now.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        DateTime At(double share) => monthStart + ((now - monthStart) * share);
        await GroupTestData.FollowersAsync(database, client, (At(0.3), 1_450), (At(0.8), 1_600));
        await GroupTestData.TotalsAsync(database, client, At(0.4), 30_000);
        await GroupTestData.TotalsAsync(database, client, At(0.9), 41_000);
        await GroupTestData.EngagedPostAsync(database, client, At(0.2), 4_000, 300, 20, 10, (TimeSpan.FromMinutes(1), 10), (now - At(0.2) - TimeSpan.FromMinutes(1), 4_000));
        await GroupTestData.FollowersAsync(database, other, (At(0.5), 77_777));

        await using var db = database.CreateDbContext();
        var profile = await db.Profiles.SingleAsync(p => p.Id == client);
        profile.FollowerCount = 1_600;
        profile.TotalPosts = 5;
        profile.Totals = new PostMetrics(41_000, 2_400, 130, 95, 60);
        profile.LastMonitoringRun = At(0.9);
        await db.SaveChangesAsync();
        return (client, other);
    }
}
