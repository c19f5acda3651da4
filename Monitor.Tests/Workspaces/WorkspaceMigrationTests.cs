using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Monitor.Core.ApiKeys;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// The migration <c>Workspaces</c> on a database with data from before: everything lands in the first workspace, every
/// user is a member (admins as admins), and a key that existed before sees all of it through a restricted context.
/// </summary>
public abstract class WorkspaceMigrationTests<TDatabase>
    where TDatabase : TestDatabase, new()
{
    [Fact]
    public async Task Upgrade_ExistingData_AllInTheFirstWorkspace_AndTheOldKeySeesIt()
    {
        await using var database = new TDatabase();
        await database.InitializeAsync();
        await using (var db = database.CreateDbContext())
        {
            await db.GetService<IMigrator>().MigrateAsync("PostHistorySpans");
        }

        var postgres = database.Provider == DatabaseProvider.Postgres;
        object Id(Guid id) => postgres ? id : id.ToString().ToUpperInvariant();
        var profileId = Guid.NewGuid();
        var groupId = Guid.NewGuid();
        var keyId = Guid.NewGuid();
        var now = DateTime.UtcNow;
        await using (var db = database.CreateDbContext())
        {
            var sql = db.Database;
            await sql.ExecuteSqlRawAsync(
                "INSERT INTO tiktok_profiles (id, handle, verified, monitoring_enabled, monitoring_interval_hours, scan_mode, account_state, "
                + "exclude_unseen_posts, total_posts, total_views, total_likes, total_shares, total_comments, total_saves, created_at, updated_at) "
                + "VALUES ({0}, 'before.upgrade', FALSE, FALSE, 24, 'full', 'active', FALSE, 0, 0, 0, 0, 0, 0, {1}, {1})", Id(profileId), now);
            await sql.ExecuteSqlRawAsync(
                "INSERT INTO profile_groups (id, name, normalized_name, created_at, updated_at) VALUES ({0}, 'Rivals', 'RIVALS', {1}, {1})", Id(groupId), now);
            await sql.ExecuteSqlRawAsync(
                "INSERT INTO api_keys (id, name, hash, created_at) VALUES ({0}, 'ci', {1}, {2})", Id(keyId), new byte[] { 1, 2, 3 }, now);
            await sql.ExecuteSqlRawAsync("INSERT INTO roles (id, name, normalized_name) VALUES ('r-admin', 'admin', 'ADMIN'), ('r-viewer', 'viewer', 'VIEWER')");
            foreach (var user in new[] { "u-admin", "u-viewer" })
            {
                await sql.ExecuteSqlRawAsync(
                    "INSERT INTO users (id, user_name, normalized_user_name, email_confirmed, phone_number_confirmed, two_factor_enabled, "
                    + "lockout_enabled, access_failed_count, created_at) VALUES ({0}, {0}, {1}, FALSE, FALSE, FALSE, FALSE, 0, {2})",
                    user, user.ToUpperInvariant(), now);
            }

            await sql.ExecuteSqlRawAsync("INSERT INTO user_roles (user_id, role_id) VALUES ('u-admin', 'r-admin'), ('u-viewer', 'r-viewer')");
        }

        await database.MigrateAsync();

        await using (var db = database.CreateDbContext())
        {
            var first = Assert.Single(await db.Workspaces.AsNoTracking().ToListAsync());
            Assert.Equal((WorkspaceDefaults.FirstId, WorkspaceDefaults.FirstName), (first.Id, first.Name));
            Assert.Equal([profileId], await db.WorkspaceProfiles.Where(l => l.WorkspaceId == first.Id).Select(l => l.ProfileId).ToListAsync());
            Assert.Equal(first.Id, await db.ProfileGroups.Where(g => g.Id == groupId).Select(g => g.WorkspaceId).SingleAsync());
            Assert.Equal(first.Id, await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.WorkspaceId).SingleAsync());
            var members = await db.WorkspaceMembers.AsNoTracking().OrderBy(m => m.UserId).Select(m => new { m.WorkspaceId, m.UserId, m.Role }).ToListAsync();
            Assert.Equal(
                [(first.Id, "u-admin", WorkspaceRole.Admin), (first.Id, "u-viewer", WorkspaceRole.Viewer)],
                members.Select(m => (m.WorkspaceId, m.UserId, m.Role)));
        }

        // The key from before acts in the first workspace and sees what existed.
        await using (var restricted = database.CreateDbContext())
        {
            restricted.RestrictTo([WorkspaceDefaults.FirstId]);
            Assert.Equal([profileId], await restricted.Profiles.Select(p => p.Id).ToListAsync());
            Assert.Equal([groupId], await restricted.ProfileGroups.Select(g => g.Id).ToListAsync());
            Assert.Equal([keyId], await restricted.ApiKeys.Select(k => k.Id).ToListAsync());
        }

        await using (var other = database.CreateDbContext())
        {
            other.RestrictTo([Guid.NewGuid()]);
            Assert.Empty(await other.Profiles.ToListAsync());
            Assert.Empty(await other.ProfileGroups.ToListAsync());
        }
    }
}

public sealed class PostgresWorkspaceMigrationTests : WorkspaceMigrationTests<PostgresDatabase>;

public sealed class SqliteWorkspaceMigrationTests : WorkspaceMigrationTests<SqliteDatabase>;
