using Microsoft.Extensions.Time.Testing;
using Monitor.Core.Notifications.Policies;

namespace Monitor.Tests.Notifications;

public sealed class GrowthAlertPolicyTests
{
    private static readonly GrowthThresholds Thresholds = new(GrowthPercent: 50, GrowthViews: 10_000, BreakoutMultiple: 5);

    public static TheoryData<long, long, double, long?> Cases => new()
    {
        // previous views, current views, hours between, expected rise
        { 20_000, 30_000, 6, 10_000 },   // exactly 50 % and exactly 10,000: alerts
        { 20_000, 29_999, 6, null },      // 49.99 %
        { 100_000, 140_000, 6, null },    // 40,000 views but 40 %
        { 10, 9_000, 6, null },           // +89,900 % but under 10,000 views
        { 0, 10_000, 6, 10_000 },         // from zero: the count decides
        { 0, 9_999, 6, null },
        { 20_000, 40_000, 24, 20_000 },   // a day apart: still a jump
        { 20_000, 40_000, 24.01, null },  // older than a day: not a jump
        { 40_000, 20_000, 6, null },      // a falling counter
        { 20_000, 40_000, 0, null },      // the same instant
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(long previous, long current, double hours, long? expected)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.Zero));
        var previousAt = time.GetUtcNow().UtcDateTime;
        time.Advance(TimeSpan.FromHours(hours));

        var rise = GrowthAlertPolicy.Decide(previous, previousAt, current, time.GetUtcNow().UtcDateTime, Thresholds);

        Assert.Equal(expected, rise);
    }

    [Fact]
    public void ThresholdKeys_DifferPerThreshold_SoAPostAlertsAgainAtANewOne()
    {
        Assert.Equal("50%+10000", Thresholds.GrowthKey);
        Assert.Equal("5x", Thresholds.BreakoutKey);
        Assert.NotEqual(Thresholds.GrowthKey, (Thresholds with { GrowthPercent = 100 }).GrowthKey);
        Assert.NotEqual(Thresholds.BreakoutKey, (Thresholds with { BreakoutMultiple = 2.5 }).BreakoutKey);
    }
}
