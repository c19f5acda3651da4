using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Data;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Quality;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Quality;

/// <summary><c>excludeUnseenPosts</c> through PATCH and GET of a profile's monitoring, and the suspect flag in its log view.</summary>
public abstract class QualityApiTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task MonitoringApi_ExcludeUnseenPostsAndSuspectLog_AreReadAndWritten()
    {
        await using var database = await SchedulingDatabase.CreateAsync<TDatabase>();
        await using var app = ApiApp.WebNode(database);
        var client = app.Client;
        var profileId = await SeedAsync(app.Services);
        var route = $"/api/tiktok/profiles/{profileId}/monitoring";

        var before = await client.GetFromJsonAsync<JsonElement>(route);
        var exclude = await client.PatchAsJsonAsync(route, new { excludeUnseenPosts = true });
        var profile = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}");
        var unknown = await client.PatchAsJsonAsync($"/api/tiktok/profiles/{Guid.NewGuid()}/monitoring", new { excludeUnseenPosts = true });
        var posts = await client.GetFromJsonAsync<JsonElement>($"/api/tiktok/profiles/{profileId}/posts");

        Assert.False(before.GetProperty("excludeUnseenPosts").GetBoolean());
        var log = before.GetProperty("logs")[0];
        Assert.Equal(("postCountDrop", 12, 300), (log.GetProperty("suspectReason").GetString(), log.GetProperty("suspectObserved").GetInt32(), log.GetProperty("suspectBaseline").GetInt32()));
        Assert.True(log.GetProperty("suspect").GetBoolean());
        Assert.Equal("Suspect: 12 posts where the previous full scan saw 300", log.GetProperty("suspectMessage").GetString());
        Assert.Equal(HttpStatusCode.OK, exclude.StatusCode);
        Assert.True((await exclude.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("excludeUnseenPosts").GetBoolean());
        // The post missing from three full scans left the totals: one post of 100 views remains.
        Assert.Equal(1, profile.GetProperty("totalPosts").GetInt64());
        Assert.Equal(100, profile.GetProperty("totalViews").GetInt64());
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var items = posts.GetProperty("items").EnumerateArray().ToList();
        Assert.Single(items, p => p.GetProperty("notSeenSince").ValueKind == JsonValueKind.String);
    }

    private static async Task<Guid> SeedAsync(IServiceProvider services)
    {
        var now = DateTime.UtcNow;
        var profile = new TiktokProfile { Handle = "quality.profile", CreatedAt = now, UpdatedAt = now, TotalPosts = 2 };
        await using var db = await services.GetRequiredService<IDbContextFactory<MonitorDbContext>>().CreateDbContextAsync();
        db.Profiles.Add(profile);
        db.Posts.Add(new TiktokPost { ProfileId = profile.Id, AwemeId = "7100000000000000001", Metrics = new(100, 1, 1, 1, 1), FirstSeenAt = now, LastSeenAt = now });
        db.Posts.Add(new TiktokPost { ProfileId = profile.Id, AwemeId = "7100000000000000002", Metrics = new(900, 1, 1, 1, 1), FirstSeenAt = now.AddDays(-9), LastSeenAt = now.AddDays(-3), MissingFullScans = 3 });
        db.Runs.Add(new MonitoringRun
        {
            ProfileId = profile.Id,
            Status = MonitoringStatus.Completed,
            Trigger = MonitoringTrigger.Scheduled,
            CreatedAt = now,
            ScheduledFor = now,
            StartedAt = now,
            CompletedAt = now,
            PostsScraped = 12,
            SuspectReason = SuspectReason.PostCountDrop,
            SuspectObserved = 12,
            SuspectBaseline = 300,
        });
        await db.SaveChangesAsync();
        return profile.Id;
    }
}

public sealed class PostgresQualityApiTests : QualityApiTests<PostgresDatabase>;

public sealed class SqliteQualityApiTests : QualityApiTests<SqliteDatabase>;
