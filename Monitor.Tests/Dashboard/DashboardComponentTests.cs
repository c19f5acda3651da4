using Bunit;
using Monitor.Web.Components.Metrics;
using Monitor.Web.Components.Time;
namespace Monitor.Tests.Dashboard;

public sealed class DashboardComponentTests : IAsyncLifetime
{
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public void MetricCard_LargeValue_ShowsCompactNumberWithExactTitle()
    {
        var card = _context.Bunit.Render<MetricCard>(p => p
            .Add(x => x.Key, "views")
            .Add(x => x.Label, "Total Views")
            .Add(x => x.Value, 1_234_567)
            .Add(x => x.Delta, -1_500));

        var value = card.Find("[data-testid=metric-value-views]");
        Assert.Equal("1.2M", value.TextContent);
        Assert.Equal("1,234,567", value.GetAttribute("title"));
        var delta = card.Find(".delta");
        Assert.Equal("−1.5K", delta.TextContent);
        Assert.Contains("delta-down", delta.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Metric_NullValue_ShowsDash()
    {
        var metric = _context.Bunit.Render<Metric>(p => p.Add(x => x.Value, null));

        Assert.Equal("—", metric.Find("span").TextContent);
    }

    [Fact]
    public void RelativeTime_InTheUsersZone_ShowsLocalTimeWithOffsetOnHover()
    {
        var when = new DateTime(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);

        var time = _context.Bunit.Render<RelativeTime>(p => p
            .Add(x => x.Value, when)
            .AddCascadingValue(UserTimeZone.FromId("America/New_York")));

        Assert.Equal("2026-07-01 08:00:00 (UTC-04:00)", time.Find("span").GetAttribute("title"));
    }

    [Theory]
    [InlineData(null, "UTC")]
    [InlineData("Not/AZone", "UTC")]
    [InlineData("Asia/Kolkata", "Asia/Kolkata")]
    public void UserTimeZone_FromBrowserId_FallsBackToUtc(string? id, string expected)
    {
        Assert.Equal(expected, UserTimeZone.FromId(id).Id);
        Assert.Equal("2026-01-01 12:00:00 UTC", UserTimeZone.Utc.Format(new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc)));
    }
}
