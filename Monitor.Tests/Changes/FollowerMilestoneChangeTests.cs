using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audience;
using Monitor.Core.Catalog;
using Monitor.Core.Changes;
using Monitor.Core.Profiles;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Changes;

/// <summary>
/// Follower milestones crossed, derived from the account history: from seeded snapshots (up, down, not crossing, the
/// range, another profile's history) and from a real run whose feed author counters cross 10K, on both databases.
/// </summary>
public abstract class FollowerMilestoneChangeTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private static readonly DateTime Start = new(2026, 11, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(Start));

    [Fact]
    public async Task Feed_SnapshotsCrossTenThousand_OneEntryUpAndOneDown()
    {
        var profileId = await AddProfileAsync("ms_seeded");
        var other = await AddProfileAsync("ms_other");
        await SeedAsync(profileId, (0, 9_500), (1, 9_900), (2, 10_200), (3, null), (4, 10_100), (5, 9_800), (6, 9_990));
        await SeedAsync(other, (2, 500), (3, 2_000));
        await using var host = Host();
        var feed = host.Get<ChangeFeedService>();

        var all = (await feed.ListAsync(profileId, new ChangeFeedQuery(), CancellationToken.None))!.Items;

        Assert.Equal(
            [
                (Start.AddDays(5), "10100", "9800", "Fell below 10K followers (10,100 → 9,800)"),
                (Start.AddDays(2), "9900", "10200", "Reached 10K followers (9,900 → 10,200)"),
            ],
            all.Select(e => (e.OccurredAt, e.OldValue!, e.NewValue!, e.Detail!)));
        Assert.All(all, e => Assert.Equal((ChangeKinds.FollowerMilestone, "Follower milestone"), (e.Kind, e.Label)));

        // The first snapshot in the range still compares with the one before it.
        var fromDayFive = await feed.ListAsync(profileId, new ChangeFeedQuery(From: "2026-11-06T11:00:00Z", Kind: ChangeKinds.FollowerMilestone), CancellationToken.None);
        Assert.Equal([Start.AddDays(5)], fromDayFive!.Items.Select(e => e.OccurredAt));
        var otherKinds = await feed.ListAsync(profileId, new ChangeFeedQuery(Kind: ChangeKinds.Breakout), CancellationToken.None);
        Assert.Equal(0, otherKinds!.TotalCount);
        var markers = await feed.MarkersAsync(other, null, CancellationToken.None);
        Assert.Equal([("Reached 1K followers (500 → 2,000)", Start.AddDays(3))], markers.Select(m => (m.Detail!, m.OccurredAt)));
    }

    [Fact]
    public async Task Run_FeedAuthorCountersCrossTenThousand_EntryWithItsRun()
    {
        var handle = $"ms_run_{Guid.NewGuid():N}"[..20];
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle).Replace("\"followerCount\": 15230", "\"followerCount\": 9900", StringComparison.Ordinal));
        Upstream.ServeFeed(handle, cursor => (200, FixtureFiles.Read(cursor is null ? "profile-videos-page1.json" : "profile-videos-page2.json")
            .Replace("\"follower_count\": 15230", "\"follower_count\": 10200", StringComparison.Ordinal)));
        await using var host = Host();
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        _time.Advance(TimeSpan.FromDays(1));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        var feed = (await host.Get<ChangeFeedService>().ListAsync(profileId, new ChangeFeedQuery(Kind: ChangeKinds.FollowerMilestone), CancellationToken.None))!.Items;
        var crossed = Assert.Single(feed);
        Assert.Equal((_time.GetUtcNow().UtcDateTime, outcome.LogId, "Reached 10K followers (9,900 → 10,200)"), (crossed.OccurredAt, crossed.RunId!.Value, crossed.Detail!));
    }

    private CoreHost Host() => new(Database, Upstream.Settings, s => s.AddSingleton<TimeProvider>(_time));

    private async Task<Guid> AddProfileAsync(string prefix)
    {
        await using var db = Database.CreateDbContext();
        var profile = new TiktokProfile { Handle = $"{prefix}_{Guid.NewGuid():N}"[..20], CreatedAt = Start, UpdatedAt = Start };
        db.Profiles.Add(profile);
        await db.SaveChangesAsync();
        return profile.Id;
    }

    private async Task SeedAsync(Guid profileId, params (int Day, long? Followers)[] snapshots)
    {
        await using var db = Database.CreateDbContext();
        db.AccountHistory.AddRange(snapshots.Select(s => new ProfileAccountSnapshot
        {
            ProfileId = profileId,
            RecordedAt = Start.AddDays(s.Day),
            FollowerCount = s.Followers,
            Source = AccountSnapshotSource.ProfileCall,
        }));
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresFollowerMilestoneChangeTests(PostgresDatabase database) : FollowerMilestoneChangeTests<PostgresDatabase>(database);

public sealed class SqliteFollowerMilestoneChangeTests(SqliteDatabase database) : FollowerMilestoneChangeTests<SqliteDatabase>(database);
