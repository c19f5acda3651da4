using Microsoft.EntityFrameworkCore;
using Monitor.Core.Profiles;
using Monitor.Core.Reports;
using Monitor.Core.Share;
using Monitor.Core.Workspaces;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Workspaces;

/// <summary>
/// Workspaces A and B both watch a profile and each has a report and a share link on it. A unlinks it: A's report on it
/// is disabled (kept, with its sent PDF), A's links to its dashboard and to that report's PDF are revoked; B's report
/// and link, and A's report and link on another profile, stay as they were.
/// </summary>
public abstract class ProfileUnlinkReportsAndLinksTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    public async Task InitializeAsync() => await database.ClearProfilesAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WorkspaceUnlinksProfile_ItsReportsDisabledAndLinksRevoked_OtherWorkspaceKeepsTheirs()
    {
        await using var host = new CoreHost(database, []);
        var (a, b) = (await WorkspaceRows.AddWorkspaceAsync(database, "alpha"), await WorkspaceRows.AddWorkspaceAsync(database, "beta"));
        var shared = await WorkspaceRows.AddProfileAsync(database, "shared", a, b);
        var other = await WorkspaceRows.AddProfileAsync(database, "other", a);
        var (reportA, sentA) = await AddReportAsync(a, shared);
        var (reportB, _) = await AddReportAsync(b, shared);
        var (reportOther, _) = await AddReportAsync(a, other);
        var linkA = await AddLinkAsync(a, ShareTargetKind.Profile, shared);
        var linkToSentA = await AddLinkAsync(a, ShareTargetKind.Report, sentA);
        var linkB = await AddLinkAsync(b, ShareTargetKind.Profile, shared);
        var linkOther = await AddLinkAsync(a, ShareTargetKind.Profile, other);

        var remaining = await host.Get<WorkspaceService>().UnlinkProfileAsync(a, shared, CancellationToken.None);

        await using var db = database.CreateDbContext();
        var enabled = await db.Set<ReportDefinition>().AsNoTracking().ToDictionaryAsync(d => d.Id, d => d.Enabled);
        var revoked = await db.Set<ShareLink>().AsNoTracking().ToDictionaryAsync(l => l.Id, l => (l.RevokedAt != null, l.RevokedBy));
        Assert.Equal(1, remaining);
        Assert.Equal((false, true, true), (enabled[reportA], enabled[reportB], enabled[reportOther]));
        Assert.True(await db.Set<SentReport>().AnyAsync(s => s.Id == sentA));
        Assert.Equal((true, ShareUnlinkStep.RevokedBy), revoked[linkA]);
        Assert.Equal((true, ShareUnlinkStep.RevokedBy), revoked[linkToSentA]);
        Assert.Equal((false, null), revoked[linkB]);
        Assert.Equal((false, null), revoked[linkOther]);
    }

    private async Task<(Guid Report, Guid Sent)> AddReportAsync(Guid workspaceId, Guid profileId)
    {
        await using var db = database.CreateDbContext();
        var now = DateTime.UtcNow;
        var report = new ReportDefinition
        {
            WorkspaceId = workspaceId,
            Name = "Weekly",
            ProfileId = profileId,
            Cadence = ReportCadence.Weekly,
            TimeZone = "UTC",
            ToAddresses = ["team@example.test"],
            CreatedAt = now,
            UpdatedAt = now,
        };
        var sent = new SentReport
        {
            DefinitionId = report.Id,
            TimeZone = "UTC",
            PeriodStart = DateOnly.FromDateTime(now.AddDays(-14)),
            PeriodEnd = DateOnly.FromDateTime(now.AddDays(-8)),
            Pdf = [.. "%PDF-1.4 "u8],
            EmailStatus = ReportEmailStatus.Sent,
            CreatedAt = now,
            ExpiresAt = now.AddDays(30),
        };
        db.Set<ReportDefinition>().Add(report);
        db.Set<SentReport>().Add(sent);
        await db.SaveChangesAsync();
        return (report.Id, sent.Id);
    }

    private async Task<Guid> AddLinkAsync(Guid workspaceId, ShareTargetKind kind, Guid targetId)
    {
        await using var db = database.CreateDbContext();
        var now = DateTime.UtcNow;
        var link = new ShareLink
        {
            WorkspaceId = workspaceId,
            TokenHash = ShareToken.Hash(ShareToken.Generate()),
            TargetKind = kind,
            TargetId = targetId,
            TargetLabel = kind.ToString(),
            ExpiresAt = now.AddDays(30),
            CreatedAt = now,
            CreatedBy = "admin",
        };
        db.Set<ShareLink>().Add(link);
        await db.SaveChangesAsync();
        return link.Id;
    }
}

public sealed class PostgresProfileUnlinkReportsAndLinksTests(PostgresDatabase database) : ProfileUnlinkReportsAndLinksTests<PostgresDatabase>(database);

public sealed class SqliteProfileUnlinkReportsAndLinksTests(SqliteDatabase database) : ProfileUnlinkReportsAndLinksTests<SqliteDatabase>(database);
