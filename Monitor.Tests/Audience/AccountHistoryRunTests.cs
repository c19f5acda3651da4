using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Audience;
using Monitor.Core.Credits;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Audience;

/// <summary>
/// Account history recorded by real runs against the fake upstream: from the feed's author counters (free), else from
/// one profile call per day (counted by the ledger, turned off by the setting), with name, bio, avatar and badge refreshed.
/// </summary>
public abstract class AccountHistoryRunTests<TDatabase>(TDatabase database) : FakeUpstreamTests<TDatabase>(database)
    where TDatabase : TestDatabase
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Run_FeedCarriesAuthorCounters_RecordsThemWithoutAProfileCallAndRefreshesNameBioAvatar()
    {
        var handle = Handle("feed");
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, cursor => (200, WithFollowers(cursor is null ? "profile-videos-page1.json" : "profile-videos-page2.json", 16_000)));
        await using var host = Host(dailyProfileCall: true);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        await ForgetNameAsync(profileId);
        _time.Advance(TimeSpan.FromDays(2));

        var outcome = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error);
        await using var db = Database.CreateDbContext();
        var snapshots = await db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId).OrderBy(s => s.RecordedAt).ToListAsync();
        Assert.Equal([AccountSnapshotSource.ProfileAdded, AccountSnapshotSource.FeedAuthor], snapshots.Select(s => s.Source));
        var fromFeed = snapshots[1];
        Assert.Equal((16_000L, 87L, 341_120L, 8L), (fromFeed.FollowerCount!.Value, fromFeed.FollowingCount!.Value, fromFeed.LikesCount!.Value, fromFeed.VideoCount!.Value));
        Assert.Equal(outcome.LogId, fromFeed.MonitoringLogId);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, fromFeed.RecordedAt);
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
        Assert.Equal((16_000L, 341_120L, 8L), (profile.FollowerCount!.Value, profile.LikesCount!.Value, profile.VideoCount!.Value));
        Assert.Equal(fromFeed.RecordedAt, profile.CountersObservedAt);
        Assert.Equal("Fixture Creator", profile.Nickname);
        Assert.Equal("Synthetic test account. Not a real creator.", profile.Bio);
        Assert.Contains("fixture-avatar", profile.AvatarUrl, StringComparison.Ordinal);
        Assert.Equal(1, Upstream.ProfileRequests);
        var run = await db.Set<CreditLedgerEntry>().AsNoTracking().CountAsync(e => e.LogId == outcome.LogId);
        Assert.Equal(2, run);
        Assert.Equal(Upstream.ChargeableRequests, await db.Set<CreditLedgerEntry>().CountAsync(e => e.ProfileId == profileId));
    }

    [Fact]
    public async Task Run_FeedHasNoCounters_CallsTheProfileOnceADayCountedByTheLedger()
    {
        var handle = Handle("daily");
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, _ => (200, FakeFeed.Page([(FakeFeed.Id(7, Random.Shared.Next(1_000_000)), 100)], null)));
        await using var host = Host(dailyProfileCall: true);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);

        // The add's lookup was today's call: the same day's run records nothing more.
        var sameDay = await host.RunOnceAsync(profileId);
        Assert.Equal((1, 1), (Upstream.ProfileRequests, await LogRequestsAsync(sameDay.LogId)));

        _time.Advance(TimeSpan.FromDays(1));
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle).Replace("\"followerCount\": 15230", "\"followerCount\": 15400", StringComparison.Ordinal)
            .Replace("\"verified\": false", "\"verified\": true", StringComparison.Ordinal), priority: 1);
        var nextDay = await host.RunOnceAsync(profileId);
        var again = await host.RunOnceAsync(profileId);
        await host.Get<CreditLedgerWriter>().FlushAsync(CancellationToken.None);

        Assert.True(nextDay.Succeeded && again.Succeeded, nextDay.Error ?? again.Error);
        Assert.Equal(2, Upstream.ProfileRequests);
        Assert.Equal((2, 1), (await LogRequestsAsync(nextDay.LogId), await LogRequestsAsync(again.LogId)));
        await using var db = Database.CreateDbContext();
        var snapshots = await db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId).OrderBy(s => s.RecordedAt).ToListAsync();
        Assert.Equal([AccountSnapshotSource.ProfileAdded, AccountSnapshotSource.ProfileCall], snapshots.Select(s => s.Source));
        Assert.Equal((15_400L, nextDay.LogId), (snapshots[1].FollowerCount!.Value, snapshots[1].MonitoringLogId!.Value));
        var profile = await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId);
        Assert.True(profile.Verified);
        Assert.Equal(_time.GetUtcNow().UtcDateTime, profile.LastProfileCallAt);
        Assert.Equal(2, await db.Set<CreditLedgerEntry>().CountAsync(e => e.LogId == nextDay.LogId));
        Assert.Equal(Upstream.ChargeableRequests, await db.Set<CreditLedgerEntry>().CountAsync(e => e.ProfileId == profileId));
    }

    [Fact]
    public async Task Run_DailyProfileCallOff_MakesNoCallAndRecordsNothing()
    {
        var handle = Handle("off");
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, _ => (200, FakeFeed.Page([(FakeFeed.Id(8, Random.Shared.Next(1_000_000)), 100)], null)));
        await using var host = Host(dailyProfileCall: false);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        _time.Advance(TimeSpan.FromDays(3));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.True(outcome.Succeeded, outcome.Error);
        Assert.Equal(1, Upstream.ProfileRequests);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AccountHistory.CountAsync(s => s.ProfileId == profileId));
    }

    [Fact]
    public async Task Run_ProfileCallFails_RunCompletesAndTheDaysCallIsSpent()
    {
        var handle = Handle("fails");
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, _ => (200, FakeFeed.Page([(FakeFeed.Id(9, Random.Shared.Next(1_000_000)), 100)], null)));
        await using var host = Host(dailyProfileCall: true);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        _time.Advance(TimeSpan.FromDays(1));
        // Not retried (a retry would wait on the fake clock): the account "does not exist" for this one answer.
        Upstream.ServeProfile(handle, 200, FixtureFiles.Read("error-404-or-private.json"), priority: 1);
        var calls = Upstream.ProfileRequests;

        var failedCall = await host.RunOnceAsync(profileId);
        var afterwards = Upstream.ProfileRequests;
        var sameDay = await host.RunOnceAsync(profileId);

        Assert.True(failedCall.Succeeded && sameDay.Succeeded, failedCall.Error ?? sameDay.Error);
        Assert.Equal(calls + 1, afterwards);
        Assert.Equal(afterwards, Upstream.ProfileRequests);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.AccountHistory.CountAsync(s => s.ProfileId == profileId));
    }

    [Fact]
    public async Task Run_FailsAfterAPageWithCounters_StillRecordsThem()
    {
        var handle = Handle("failed");
        Upstream.ServeProfile(handle, 200, FakeFeed.Profile(handle));
        Upstream.ServeFeed(handle, cursor => cursor is null
            ? (200, WithFollowers("profile-videos-page1.json", 15_500))
            : (401, FixtureFiles.Read("error-401.json")));
        await using var host = Host(dailyProfileCall: true);
        var profileId = await host.AddProfileAsync(handle, monitoringEnabled: false);
        _time.Advance(TimeSpan.FromDays(1));

        var outcome = await host.RunOnceAsync(profileId);

        Assert.False(outcome.Succeeded);
        await using var db = Database.CreateDbContext();
        var latest = await db.AccountHistory.AsNoTracking().Where(s => s.ProfileId == profileId).OrderByDescending(s => s.RecordedAt).FirstAsync();
        Assert.Equal((AccountSnapshotSource.FeedAuthor, 15_500L, outcome.LogId), (latest.Source, latest.FollowerCount!.Value, latest.MonitoringLogId!.Value));
        Assert.Equal(15_500L, (await db.Profiles.AsNoTracking().SingleAsync(p => p.Id == profileId)).FollowerCount);
        Assert.Equal(1, Upstream.ProfileRequests);
    }

    private CoreHost Host(bool dailyProfileCall) => new(Database,
        new Dictionary<string, string?>(Upstream.Settings) { ["Monitoring:AccountCounters:DailyProfileCall"] = dailyProfileCall ? "true" : "false" },
        services => services.AddSingleton<TimeProvider>(_time));

    private static string Handle(string prefix) => $"{prefix}_{Guid.NewGuid():N}"[..20];

    private static string WithFollowers(string fixture, long followers) =>
        FixtureFiles.Read(fixture).Replace("\"follower_count\": 15230", $"\"follower_count\": {followers}", StringComparison.Ordinal);

    private async Task ForgetNameAsync(Guid profileId)
    {
        await using var db = Database.CreateDbContext();
        await db.Profiles.Where(p => p.Id == profileId).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.Nickname, "Old name").SetProperty(p => p.Bio, "Old bio").SetProperty(p => p.AvatarUrl, (string?)null));
    }

    private async Task<int> LogRequestsAsync(long runId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Runs.Where(l => l.Id == runId).Select(l => l.RequestsMade).SingleAsync();
    }
}

public sealed class PostgresAccountHistoryRunTests(PostgresDatabase database) : AccountHistoryRunTests<PostgresDatabase>(database);

public sealed class SqliteAccountHistoryRunTests(SqliteDatabase database) : AccountHistoryRunTests<SqliteDatabase>(database);
