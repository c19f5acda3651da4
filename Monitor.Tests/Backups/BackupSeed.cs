using System.Globalization;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Monitor.Core.Accounts;
using Monitor.Core.ApiKeys;
using Monitor.Core.Credits;
using Monitor.Core.Data;
using Monitor.Core.Groups;
using Monitor.Core.Identity;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Posts.History;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Settings;

namespace Monitor.Tests.Backups;

/// <summary>
/// An installation's worth of rows in every kind of table: profiles with posts, history and hashtags (by the insert
/// trigger), runs, profile history, a caption change (by the update trigger), a ledger, users and roles, API keys,
/// settings, groups and data-protection keys. Timestamps carry sub-microsecond ticks on purpose.
/// </summary>
internal static class BackupSeed
{
    public static readonly DateTime Origin = new DateTime(2026, 3, 2, 12, 0, 0, DateTimeKind.Utc).AddTicks(1234567);

    public static async Task SeedAsync(IDbContextFactory<MonitorDbContext> factory, int profiles, int postsPerProfile, int historyPerPost, DateTime? origin = null)
    {
        var at = origin ?? Origin;
        var profileIds = new List<Guid>();
        for (var p = 0; p < profiles; p++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var profile = new TiktokProfile
            {
                Handle = $"creator{p:D3}",
                Nickname = $"Créateur “{p}”",
                Bio = "line one\nline two, with \"quotes\" and ünïcode 🎉",
                FollowerCount = 10_000 + p,
                TotalPosts = postsPerProfile,
                Totals = PostMetrics.From(_ => p),
                MonitoringEnabled = p % 2 == 0,
                CreatedAt = at,
                UpdatedAt = at,
            };
            db.Profiles.Add(profile);
            var log = new MonitoringRun { ProfileId = profile.Id, Status = MonitoringStatus.Completed, CreatedAt = at, ScheduledFor = at, CompletedAt = at.AddMinutes(2), PostsScraped = postsPerProfile };
            db.Runs.Add(log);
            var history = new List<TikTokPostMetricsHistory>();
            for (var i = 0; i < postsPerProfile; i++)
            {
                var post = new TiktokPost
                {
                    ProfileId = profile.Id,
                    AwemeId = (7_400_000_000_000_000_000L + (p * 100_000L) + i).ToString(CultureInfo.InvariantCulture),
                    Description = $"post {i} #tag{i % 7}",
                    PostedAt = at.AddHours(-i),
                    HashtagsJson = $"[\"tag{i % 7}\",\"all\"]",
                    IsPinned = i == 0,
                    Metrics = new PostMetrics(1000L * i, 10L * i, i, 2L * i, null),
                    FirstSeenAt = at,
                    LastSeenAt = at,
                };
                for (var h = 0; h < historyPerPost; h++)
                {
                    history.Add(new TikTokPostMetricsHistory { Post = post, Metrics = new PostMetrics((1000L * i) - h, null, null, null, null), RecordedAt = at.AddHours(-h) });
                }

                db.Posts.Add(post);
            }

            await db.SaveChangesAsync();
            await PostHistoryWriter.RecordAsync(db, history);
            db.ProfileMetricsHistory.Add(new ProfileMetricsHistory { ProfileId = profile.Id, MonitoringLogId = log.Id, TotalPosts = postsPerProfile, Totals = PostMetrics.From(_ => 1), RecordedAt = at });
            db.Set<CreditLedgerEntry>().Add(new CreditLedgerEntry { At = at, Day = DateOnly.FromDateTime(at), ProfileId = profile.Id, LogId = log.Id, Endpoint = "/v3/tiktok/profile/videos", StatusCode = 200, Credits = 1, CreditsRemaining = 999 - p });
            await db.SaveChangesAsync();
            profileIds.Add(profile.Id);
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            // A caption edited: the update trigger writes the change.
            var first = await db.Posts.OrderBy(p => p.Id).FirstAsync();
            first.Description = "an edited caption";
            first.LastSeenAt = at.AddHours(1);
            await db.SaveChangesAsync();

            var role = new IdentityRole("admin") { NormalizedName = "ADMIN" };
            var user = new MonitorUser { UserName = "admin", NormalizedUserName = "ADMIN", PasswordHash = "AQAAAAIAAYagAAAAEJ8seed", SecurityStamp = "STAMP", CreatedAt = at };
            db.Roles.Add(role);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { RoleId = role.Id, UserId = user.Id });
            db.ApiKeys.Add(new ApiKey { Name = "ci", Hash = [1, 2, 3, 250, 0, 7], CreatedAt = at, CreatedBy = "admin" });
            db.AppSettings.Add(new AppSetting { Key = "Seed:Setting", Value = "{\"a\":1.5}", UpdatedAt = at });
            db.DataProtectionKeys.Add(new DataProtectionKey { FriendlyName = "key-1", Xml = "<key id=\"1\"/>" });
            var group = new ProfileGroup { Name = "Clients", NormalizedName = "CLIENTS", CreatedAt = at, UpdatedAt = at };
            group.Members.AddRange(profileIds.Take(2).Select(id => new ProfileGroupMember { ProfileId = id, IsOwn = id == profileIds[0], AddedAt = at }));
            db.ProfileGroups.Add(group);
            await db.SaveChangesAsync();
        }
    }
}
