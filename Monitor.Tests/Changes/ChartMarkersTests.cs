using Bunit;
using Monitor.Core.Changes;
using Monitor.Core.Metrics;
using Monitor.Core.Profiles;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Pages.Changes;
using Monitor.Web.Components.Pages.Profiles;
using Monitor.Web.Components.Time;

namespace Monitor.Tests.Changes;

/// <summary>Changes and notes as points on the profile's chart: placed on the line at their time, named, and only the rare kinds.</summary>
public sealed class ChartMarkersTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private static readonly DateTime Day0 = new(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void Place_ChangesInsideAndOutsideTheLine_OnlyInsideOnesAtTheInterpolatedValue()
    {
        (DateTime, double)[] line = [(Day0, 100), (Day0.AddDays(2), 300), (Day0.AddDays(3), 300)];
        ChangeEntry[] changes =
        [
            Entry(ChangeKinds.Annotation, Day0.AddDays(-1), newValue: "Too early"),
            Entry(ChangeKinds.Annotation, Day0.AddDays(1), newValue: "Paid boost"),
            Entry(ChangeKinds.CaptionEdited, Day0.AddDays(3), newValue: "new text", excerpt: "new text"),
        ];

        var markers = ChartMarkers.Place(changes, line, UserTimeZone.Utc);

        Assert.Equal(
            [
                new ChartMarker(ChangeKinds.Annotation, "Note: Paid boost", Day0.AddDays(1), 200, ChangeText.Colour(ChangeKinds.Annotation)),
                new ChartMarker(ChangeKinds.CaptionEdited, "Caption edited: new text", Day0.AddDays(3), 300, ChangeText.Colour(ChangeKinds.CaptionEdited)),
            ],
            markers);
    }

    [Fact]
    public async Task ProfileChart_NoteAndCaptionEditInItsSpan_MarkedWithALegend_PinsAndOlderNotesAreNot()
    {
        var profile = await _context.AddProfileAsync("marked");
        var today = DateTime.UtcNow.Date.AddHours(12);
        await using (var db = await _context.ContextFactory.CreateDbContextAsync())
        {
            foreach (var (daysAgo, views) in new[] { (4, 1_000L), (3, 1_500L), (2, 2_000L) })
            {
                db.ProfileMetricsHistory.Add(new() { ProfileId = profile.Id, Totals = PostMetrics.From(_ => 0) with { Views = views }, TotalPosts = 1, RecordedAt = today.AddDays(-daysAgo) });
            }

            db.Add(new ProfileAnnotation { ProfileId = profile.Id, OccurredAt = today.AddDays(-3).AddHours(-6), Text = "Paid boost", CreatedBy = "admin", AllDay = false });
            db.Add(new ProfileAnnotation { ProfileId = profile.Id, OccurredAt = today.AddDays(-10), Text = "Before the line", CreatedBy = "admin", AllDay = false });
            db.Add(new ProfileChange { ProfileId = profile.Id, Kind = ChangeKinds.CaptionEdited, OldValue = "a", NewValue = "b", OccurredAt = today.AddDays(-2).AddHours(-1) });
            db.Add(new ProfileChange { ProfileId = profile.Id, Kind = ChangeKinds.Pinned, OccurredAt = today.AddDays(-3) });
            await db.SaveChangesAsync();
        }

        var chart = _context.Bunit.Render<ProfileChart>(p => p.Add(x => x.ProfileId, profile.Id));

        chart.WaitForElement("[data-testid=chart-markers]", Deadline);
        Assert.Equal("Note × 1", chart.Find("[data-testid=chart-marker-annotation]").TextContent.Trim());
        Assert.Equal("Caption edited × 1", chart.Find("[data-testid=chart-marker-caption_edited]").TextContent.Trim());
        Assert.Empty(chart.FindAll("[data-testid=chart-marker-pinned]"));
        Assert.Contains(ChangeText.Colour(ChangeKinds.Annotation), chart.Find("[data-testid=profile-chart]").InnerHtml, StringComparison.OrdinalIgnoreCase);
    }

    private static ChangeEntry Entry(string kind, DateTime at, string? newValue = null, string? excerpt = null) =>
        new(kind, ChangeKinds.Label(kind), at, null, null, null, null, null, excerpt, null, newValue, null, null, null, null);
}
