using Monitor.Core.Changes;
using Monitor.Core.Media;
using Monitor.Core.Reports;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Reports;

/// <summary>
/// One profile's data around week 48 of 2026 in Europe/Berlin (Mon 23 – Sun 29 Nov: 22 Nov 23:00 UTC to 29 Nov 23:00
/// UTC; the week before from 15 Nov 23:00 UTC), with values near the bounds so the report zone's cut is tested.
/// </summary>
internal static class ReportTestData
{
    public static DateTime Utc(int month, int day, int hour, int minute = 0) => new(2026, month, day, hour, minute, 0, DateTimeKind.Utc);

    /// <returns>The profile and the post expected first among the top posts (it has a cached cover).</returns>
    public static async Task<(Guid ProfileId, long TopPostId)> SeedProfileAsync(TestDatabase database, IMediaBlobStore blobs, string handle)
    {
        var id = await GroupTestData.ProfileAsync(database, handle);
        // Followers: 900 long before, 1,000 at the end of the previous week, 1,300 at 23:30 Berlin on the last day,
        // and 5,000 half an hour after the week (not counted).
        await GroupTestData.FollowersAsync(database, id, (Utc(11, 10, 12), 900), (Utc(11, 22, 22), 1_000), (Utc(11, 29, 22, 30), 1_300), (Utc(11, 29, 23, 30), 5_000));
        // Total views: 10,000 before the previous week, 15,000 in it, 25,000 in this one; a suspect run's 99,999 is left out.
        await GroupTestData.TotalsAsync(database, id, Utc(11, 15, 22), 10_000);
        await GroupTestData.TotalsAsync(database, id, Utc(11, 22, 12), 15_000);
        await GroupTestData.TotalsAsync(database, id, Utc(11, 29, 20), 25_000);
        await GroupTestData.TotalsAsync(database, id, Utc(11, 29, 21), 99_999, suspect: true);
        // Posts: two in the week (5 % and 2 % engagement by views; the nearest-rank median is 2 %), one in the week before (10 %), one just after.
        await GroupTestData.EngagedPostAsync(database, id, Utc(11, 23, 10), 1_000, 50, 0, 0,
            (TimeSpan.FromHours(2), 500), (TimeSpan.FromDays(5), 1_000), (TimeSpan.FromDays(7), 5_000));
        var top = await GroupTestData.EngagedPostAsync(database, id, Utc(11, 29, 22, 30), 2_000, 30, 5, 5, (TimeSpan.FromMinutes(15), 2_000));
        await GroupTestData.EngagedPostAsync(database, id, Utc(11, 20, 12), 100, 10, 0, 0, (TimeSpan.FromDays(1), 80), (TimeSpan.FromDays(5), 100));
        await GroupTestData.EngagedPostAsync(database, id, Utc(11, 29, 23, 10), 50, 1, 0, 0);
        await GroupTestData.CreditsAsync(database, id, new DateOnly(2026, 11, 24), 7);
        await GroupTestData.CreditsAsync(database, id, new DateOnly(2026, 11, 18), 3);
        await GroupTestData.CreditsAsync(database, id, new DateOnly(2026, 11, 30), 100);

        var cover = ReportSamples.Thumbnail();
        var hash = MediaHash.Of(cover);
        await using var db = database.CreateDbContext();
        db.MediaReferences.Add(new MediaReference
        {
            Kind = MediaKind.Cover,
            ProfileId = id,
            PostId = top,
            SourceUrl = "https://example.invalid/cover.jpeg",
            State = MediaState.Cached,
            Hash = hash,
            ContentType = "image/jpeg",
            Size = cover.Length,
            FetchedAt = Utc(11, 30, 0),
        });
        db.Set<ProfileChange>().Add(new ProfileChange { ProfileId = id, Kind = ChangeKinds.BioChanged, OldValue = "old bio", NewValue = "new bio", OccurredAt = Utc(11, 25, 8) });
        db.Set<ProfileChange>().Add(new ProfileChange { ProfileId = id, Kind = ChangeKinds.BioChanged, OldValue = "older", NewValue = "old bio", OccurredAt = Utc(11, 10, 8) });
        await db.SaveChangesAsync();
        // After its reference is committed: a running app's media pass removes blobs nothing references.
        await blobs.SaveAsync(hash, "image/jpeg", cover, CancellationToken.None);
        return (id, top);
    }

    public static ReportDefinition Definition(string name, Guid? profileId, Guid? groupId, Guid? channelId = null) => new()
    {
        Name = name,
        ProfileId = profileId,
        GroupId = groupId,
        Cadence = ReportCadence.Weekly,
        TimeZone = "Europe/Berlin",
        SendHour = 8,
        ToAddresses = ["client@example.test"],
        BccAddresses = ["archive@example.test"],
        ChannelId = channelId,
    };
}
