using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Groups;
using Monitor.Core.Media;
using Monitor.Core.Notifications;
using Monitor.Core.Posts;
using Monitor.Core.Profiles;
using Monitor.Core.Reports;
using Monitor.Core.Share;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// Workspace B with one of everything a workspace owns (a profile with a cached avatar and a post with a cached cover, a
/// group, a channel with a sent delivery, a report with a sent PDF, a share link), and a profile of A's, stored straight in
/// the app's database: the isolation matrices aim B's ids at A's callers and look for B's <see cref="Secrets"/>.
/// </summary>
internal sealed record WorkspaceBSeed(
    Guid WorkspaceB,
    Guid ProfileA,
    Guid ProfileB,
    long PostB,
    Guid GroupB,
    Guid ChannelB,
    long DeliveryB,
    Guid ReportB,
    Guid SentReportB,
    Guid ShareLinkB,
    string MediaHashB)
{
    public const string HandleOfB = "bravo.secret";
    public const string GroupOfB = "Bravo rivals";
    public const string ChannelOfB = "Bravo pager";
    public const string ReportOfB = "Bravo weekly";
    public const string CaptionOfB = "Bravo caption";

    /// <summary>What only B's callers may ever read.</summary>
    public static readonly string[] Secrets = [HandleOfB, GroupOfB, ChannelOfB, ReportOfB, CaptionOfB];

    /// <summary>Every Guid of B's a route could take.</summary>
    public IReadOnlyList<Guid> Guids => [ProfileB, GroupB, WorkspaceB, ChannelB, ReportB, SentReportB, ShareLinkB];

    /// <summary>Every long id of B's a route could take.</summary>
    public IReadOnlyList<long> Longs => [PostB, DeliveryB];

    public static async Task<WorkspaceBSeed> CreateAsync(TestDatabase database, IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(services);
        var created = await services.GetRequiredService<WorkspaceService>()
            .CreateAsync(new WorkspaceScope(), new WorkspaceInput("Bravo " + Guid.NewGuid().ToString("N")[..8], null), CancellationToken.None);
        var workspaceB = created.Value!.Id;
        var now = DateTime.UtcNow;
        var alpha = new TiktokProfile { Handle = "alpha.open" + Random.Shared.Next(1000), CreatedAt = now, UpdatedAt = now };
        var bravo = new TiktokProfile { Handle = HandleOfB, Nickname = HandleOfB, CreatedAt = now, UpdatedAt = now, AvatarUrl = "https://cdn.example.invalid/bravo.png" };
        var group = new ProfileGroup { Name = GroupOfB, NormalizedName = GroupOfB.ToUpperInvariant(), WorkspaceId = workspaceB, CreatedAt = now, UpdatedAt = now };
        var channel = new NotificationChannel { Name = ChannelOfB, Kind = NotificationChannelKind.Webhook, Enabled = false, WorkspaceId = workspaceB, WebhookHost = "hooks.example.invalid", CreatedAt = now, UpdatedAt = now };
        var report = new ReportDefinition { Name = ReportOfB, TimeZone = "UTC", Enabled = false, WorkspaceId = workspaceB, ToAddresses = ["bravo@example.invalid"], CreatedAt = now, UpdatedAt = now };
        // Bytes of its own, stored only once its references are committed: the app's media pass, which may run while this
        // seeds, removes blobs nothing references (an earlier test's included).
        var coverBytes = Guid.NewGuid().ToByteArray();
        var cover = MediaHash.Of(coverBytes);

        await using var db = database.CreateDbContext();
        db.Profiles.AddRange(alpha, bravo);
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = WorkspaceDefaults.FirstId, ProfileId = alpha.Id, AddedAt = now });
        db.WorkspaceProfiles.Add(new WorkspaceProfile { WorkspaceId = workspaceB, ProfileId = bravo.Id, AddedAt = now });
        var post = new TiktokPost
        {
            ProfileId = bravo.Id,
            AwemeId = "7300000000000000001",
            Description = CaptionOfB,
            CoverUrl = "https://cdn.example.invalid/cover.png",
            PostedAt = now.AddDays(-1),
            FirstSeenAt = now,
            LastSeenAt = now,
        };
        db.Posts.Add(post);
        db.ProfileGroups.Add(group);
        group.Members.Add(new ProfileGroupMember { GroupId = group.Id, ProfileId = bravo.Id });
        db.NotificationChannels.Add(channel);
        report.ProfileId = bravo.Id;
        db.Set<ReportDefinition>().Add(report);
        await db.SaveChangesAsync();

        db.MediaReferences.Add(new MediaReference
        {
            Kind = MediaKind.Avatar,
            ProfileId = bravo.Id,
            SourceUrl = bravo.AvatarUrl!,
            State = MediaState.Cached,
            Hash = cover,
            ContentType = "image/png",
            Size = 8,
            FetchedAt = now,
        });
        db.MediaReferences.Add(new MediaReference
        {
            Kind = MediaKind.Cover,
            ProfileId = bravo.Id,
            PostId = post.Id,
            SourceUrl = post.CoverUrl!,
            State = MediaState.Cached,
            Hash = cover,
            ContentType = "image/png",
            Size = 8,
            FetchedAt = now,
        });
        var delivery = new NotificationDelivery
        {
            ChannelId = channel.Id,
            ChannelName = ChannelOfB,
            Kind = NotificationKind.Growth,
            ProfileId = bravo.Id,
            Handle = HandleOfB,
            Subject = $"@{HandleOfB} grows",
            Text = CaptionOfB,
            Status = DeliveryStatus.Sent,
            CreatedAt = now,
            SentAt = now,
            NextAttemptAt = now,
        };
        db.NotificationDeliveries.Add(delivery);
        var sent = new SentReport
        {
            DefinitionId = report.Id,
            TimeZone = "UTC",
            PeriodStart = DateOnly.FromDateTime(now.AddDays(-14)),
            PeriodEnd = DateOnly.FromDateTime(now.AddDays(-8)),
            Pdf = [.. "%PDF-1.4 "u8, .. System.Text.Encoding.ASCII.GetBytes(ReportOfB)],
            EmailStatus = ReportEmailStatus.Sent,
            CreatedAt = now,
            ExpiresAt = now.AddDays(30),
        };
        db.Set<SentReport>().Add(sent);
        var link = new ShareLink
        {
            WorkspaceId = workspaceB,
            TokenHash = ShareToken.Hash(ShareToken.Generate()),
            TargetKind = ShareTargetKind.Profile,
            TargetId = bravo.Id,
            TargetLabel = "@" + HandleOfB,
            ExpiresAt = now.AddDays(30),
            CreatedAt = now,
            CreatedBy = "bravo-admin",
        };
        db.Set<ShareLink>().Add(link);
        await db.SaveChangesAsync();
        await services.GetRequiredService<IMediaBlobStore>().SaveAsync(cover, "image/png", coverBytes, CancellationToken.None);
        return new WorkspaceBSeed(workspaceB, alpha.Id, bravo.Id, post.Id, group.Id, channel.Id, delivery.Id, report.Id, sent.Id, link.Id, cover);
    }

    /// <summary>B's rows are all still there, unchanged where a caller of A could have changed them.</summary>
    public async Task AssertUntouchedAsync(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        await using var db = database.CreateDbContext();
        Assert.True(await db.Profiles.AnyAsync(p => p.Id == ProfileB && p.Handle == HandleOfB));
        Assert.True(await db.WorkspaceProfiles.AnyAsync(l => l.ProfileId == ProfileB && l.WorkspaceId == WorkspaceB));
        Assert.True(await db.Posts.AnyAsync(p => p.Id == PostB && p.Description == CaptionOfB));
        Assert.True(await db.ProfileGroups.AnyAsync(g => g.Id == GroupB && g.Name == GroupOfB));
        Assert.Equal(1, await db.ProfileGroupMembers.CountAsync(m => m.GroupId == GroupB));
        Assert.True(await db.Workspaces.AnyAsync(w => w.Id == WorkspaceB));
        Assert.True(await db.NotificationChannels.AnyAsync(c => c.Id == ChannelB && c.Name == ChannelOfB && !c.Enabled));
        Assert.True(await db.NotificationDeliveries.AnyAsync(d => d.Id == DeliveryB));
        Assert.True(await db.Set<ReportDefinition>().AnyAsync(r => r.Id == ReportB && r.Name == ReportOfB && !r.Enabled));
        Assert.True(await db.Set<SentReport>().AnyAsync(s => s.Id == SentReportB));
        Assert.True(await db.Set<ShareLink>().AnyAsync(l => l.Id == ShareLinkB && l.RevokedAt == null));
        Assert.Equal(2, await db.MediaReferences.CountAsync(r => r.Hash == MediaHashB));
    }
}
