using Microsoft.EntityFrameworkCore;
using Monitor.Core.Data;
using Monitor.Core.Metrics;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Settings;
using Monitor.Core.Workspaces;
using Monitor.Tests.Data;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Notifications;

/// <summary>
/// The upgrade from 1.0.0 (the squash baseline's delta, which carries the migration <c>WorkspaceAlertRules</c>) on a database with per-profile thresholds, raised alerts and instance rules
/// from before: the first workspace holds them all, and another workspace already watching the profile gets a copy, so
/// neither alerts differently than before.
/// </summary>
public abstract class WorkspaceAlertMigrationTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Upgrade_ThresholdsAlertsAndRules_LandInTheWatchingWorkspaces()
    {
        await using var database = await ReleasedDatabase.CreateAsync<TDatabase>();

        var postgres = database.Provider == DatabaseProvider.Postgres;
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        var now = DateTime.UtcNow;
        var other = new Workspace { Name = "Bravo", CreatedAt = now };
        var shared = new TiktokProfile { Handle = "shared.before", CreatedAt = now, UpdatedAt = now };
        var onlyFirst = new TiktokProfile { Handle = "first.before", CreatedAt = now, UpdatedAt = now };
        var post = new TiktokPost { ProfileId = shared.Id, AwemeId = "7300000000000000999", Metrics = new PostMetrics(10, 0, 0, 0, 0), FirstSeenAt = now, LastSeenAt = now };
        await using (var db = database.CreateDbContext())
        {
            db.Workspaces.Add(other);
            db.Profiles.AddRange(shared, onlyFirst);
            db.Posts.Add(post);
            db.WorkspaceProfiles.AddRange(
                new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = shared.Id, AddedAt = now },
                new WorkspaceProfile { WorkspaceId = other.Id, ProfileId = shared.Id, AddedAt = now },
                new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = onlyFirst.Id, AddedAt = now });
            db.AppSettings.AddRange(
                new AppSetting { Key = "notifications.failuresBeforeAlert", Value = "4", UpdatedAt = now },
                new AppSetting { Key = "notifications.growthPercent", Value = "33.5", UpdatedAt = now });
            await db.SaveChangesAsync();
            var sql = db.Database;
            await sql.ExecuteSqlRawAsync(
                "INSERT INTO profile_alert_states (profile_id, consecutive_failures, failure_alerted, growth_percent, growth_views, breakout_multiple, updated_at) "
                + "VALUES ({0}, 2, TRUE, 80, NULL, 3.5, {2}), ({1}, 0, FALSE, NULL, 500, NULL, {2})", Id(shared.Id), Id(onlyFirst.Id), now);
            await sql.ExecuteSqlRawAsync("INSERT INTO post_alerts (post_id, kind, threshold, sent_at) VALUES ({0}, 'growth', '50%+10000', {1})", post.Id, now);
        }

        await database.MigrateAsync();

        await using var check = database.CreateDbContext();
        var states = await check.ProfileAlertStates.AsNoTracking().ToListAsync();
        var first = WorkspaceDefaults.FirstId;
        Assert.Equal(3, states.Count);
        Assert.Equal((2, true, 80d, (long?)null, 3.5d),
            Of(states.Single(s => s.WorkspaceId == first && s.ProfileId == shared.Id)));
        Assert.Equal((2, true, 80d, (long?)null, 3.5d),
            Of(states.Single(s => s.WorkspaceId == other.Id && s.ProfileId == shared.Id)));
        Assert.Equal((0, false, (double?)null, 500L, (double?)null),
            Of(states.Single(s => s.WorkspaceId == first && s.ProfileId == onlyFirst.Id)));
        Assert.Equal([first, other.Id], (await check.PostAlerts.Where(a => a.PostId == post.Id).Select(a => a.WorkspaceId).ToListAsync()).Order());
        var rules = Assert.Single(await check.WorkspaceAlertRules.AsNoTracking().ToListAsync());
        Assert.Equal((first, (int?)4, (double?)33.5, (long?)null, (double?)null),
            (rules.WorkspaceId, rules.FailuresBeforeAlert, rules.GrowthPercent, rules.GrowthViews, rules.BreakoutMultiple));
    }

    private static (int, bool, double?, long?, double?) Of(ProfileAlertState s) =>
        (s.ConsecutiveFailures, s.FailureAlerted, s.GrowthPercent, s.GrowthViews, s.BreakoutMultiple);
}

public sealed class PostgresWorkspaceAlertMigrationTests : WorkspaceAlertMigrationTests<PostgresDatabase>;

public sealed class SqliteWorkspaceAlertMigrationTests : WorkspaceAlertMigrationTests<SqliteDatabase>;
