using Monitor.Core.Common;
using Monitor.Core.Media;
using Monitor.Core.Posts;
using Monitor.Core.Reports;
using Monitor.Tests.Groups;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Reports;

/// <summary>A report's figures against values computed by hand, on both databases, for week 48 of 2026 in Europe/Berlin.</summary>
public abstract class ReportContentTests<TDatabase>(TDatabase database) : IClassFixture<TDatabase>, IAsyncLifetime
    where TDatabase : TestDatabase
{
    private static readonly ReportPeriod Week48 = ReportPeriod.Of(ReportCadence.Weekly, ReportingTimeZone.FromId("Europe/Berlin"), new DateOnly(2026, 11, 23));
    private CoreHost _host = null!;

    public async Task InitializeAsync()
    {
        await GroupTestData.ResetAsync(database);
        _host = new CoreHost(database, [new("Monitoring:TimeZone", "UTC"), new("QUEUE_NAME", "none")]);
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Build_Profile_HeadlineFiguresForThePeriodAndTheOneBefore()
    {
        var (id, top) = await ReportTestData.SeedProfileAsync(database, _host.Get<IMediaBlobStore>(), "rep.us");

        var content = await _host.Get<ReportContentBuilder>().BuildAsync(ReportTestData.Definition("Weekly", id, null), Week48, CancellationToken.None);

        Assert.NotNull(content);
        Assert.Equal("@rep.us", content.SubjectName);
        Assert.Equal(new DateOnly(2026, 11, 16), content.Previous.Start);
        var figures = content.Headline.ToDictionary(f => f.Key);
        Assert.Equal((300, 100), (figures["followersGained"].Current, figures["followersGained"].Previous));
        Assert.Equal((10_000, 5_000), (figures["viewsGained"].Current, figures["viewsGained"].Previous));
        Assert.Equal((2, 1), (figures["postsPublished"].Current, figures["postsPublished"].Previous));
        // The engagement definition's nearest-rank median: of 5 % and 2 %, the lower middle.
        Assert.Equal(0.02, figures["medianEngagementRate"].Current!.Value, 9);
        Assert.Equal(0.10, figures["medianEngagementRate"].Previous!.Value, 9);
        Assert.Contains("(likes + comments + shares) / views", figures["medianEngagementRate"].Explanation, StringComparison.Ordinal);
        Assert.Equal((7, 3), (figures["creditsSpent"].Current, figures["creditsSpent"].Previous));

        // The charts: one point a local day of both weeks, the last value of the day carried forward.
        Assert.Equal(14, content.Followers.Count);
        Assert.Equal((new DateOnly(2026, 11, 16), 900.0), (content.Followers[0].Day, content.Followers[0].Value));
        Assert.Equal((new DateOnly(2026, 11, 29), 1_300.0), (content.Followers[^1].Day, content.Followers[^1].Value));
        Assert.Equal(25_000, content.TotalViews[^1].Value);

        Assert.Equal([top], content.TopPosts.Take(1).Select(p => p.Id));
        Assert.Equal([2_000L, 1_000L, 20L], content.TopPosts.Select(p => p.ViewsGained));
        Assert.NotNull(content.TopPosts[0].Thumbnail);
        Assert.Null(content.TopPosts[1].Thumbnail);
        var change = Assert.Single(content.Changes);
        Assert.Equal(("Bio changed", "new bio"), (change.Label, change.NewValue));
        Assert.Null(content.Comparison);
    }

    [Fact]
    public async Task Build_Group_SumsTheMembersAndHoldsTheCompareTable()
    {
        var (us, _) = await ReportTestData.SeedProfileAsync(database, _host.Get<IMediaBlobStore>(), "rep.own");
        var them = await GroupTestData.ProfileAsync(database, "rep.them");
        await GroupTestData.FollowersAsync(database, them, (Utc(11, 22, 22), 2_000), (Utc(11, 28, 12), 2_100));
        var groupId = await GroupTestData.GroupAsync(_host, "Clients", (us, true), (them, false));

        var content = await _host.Get<ReportContentBuilder>().BuildAsync(ReportTestData.Definition("Weekly", null, groupId), Week48, CancellationToken.None);

        Assert.NotNull(content);
        Assert.True(content.IsGroup);
        Assert.Equal("Clients", content.SubjectName);
        Assert.Equal(400, content.Headline.Single(f => f.Key == "followersGained").Current);
        Assert.NotNull(content.Comparison);
        Assert.Equal(["rep.own", "rep.them"], content.Comparison.Rows.Select(r => r.Handle));
        Assert.Equal(2, content.Comparison.Rows[0].Posts);
        Assert.Equal(new DateOnly(2026, 11, 29), content.Comparison.Period.To);

        var pdf = RenderedReport.Render(content, DateTime.UtcNow).Pdf;
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        Assert.Equal(3, document.NumberOfPages);
        Assert.Contains("Clientssidebyside", string.Concat(document.GetPage(3).Letters.Select(l => l.Value)).Replace(" ", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_SubjectDeleted_IsNull()
    {
        var content = await _host.Get<ReportContentBuilder>().BuildAsync(ReportTestData.Definition("Gone", Guid.NewGuid(), null), Week48, CancellationToken.None);

        Assert.Null(content);
    }

    private static DateTime Utc(int month, int day, int hour) => ReportTestData.Utc(month, day, hour);
}

public sealed class PostgresReportContentTests(PostgresDatabase database) : ReportContentTests<PostgresDatabase>(database);

public sealed class SqliteReportContentTests(SqliteDatabase database) : ReportContentTests<SqliteDatabase>(database);
