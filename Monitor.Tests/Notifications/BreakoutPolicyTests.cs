using Monitor.Core.Notifications.Policies;

namespace Monitor.Tests.Notifications;

public sealed class BreakoutPolicyTests
{
    public static TheoryData<double, long, long[], double, double?> Cases => new()
    {
        // age in days, views, peers' views at that age, multiple, expected median
        { 1, 50_000, [10_000, 8_000, 12_000], 5, 10_000 },  // exactly 5×
        { 1, 49_999, [10_000, 8_000, 12_000], 5, null },
        { 6.9, 50_000, [10_000, 8_000, 12_000], 5, 10_000 },
        { 7, 50_000, [10_000, 8_000, 12_000], 5, null },     // a week old: no longer a breakout
        { 1, 50_000, [10_000, 8_000], 5, null },             // two peers are no baseline
        { 1, 50_000, [0, 0, 0], 5, null },                   // a zero median
        { 1, 45_000, [1_000, 9_000, 10_000, 100_000], 5, null },  // even count: the median is the mean of the middle two, 9,500; 45,000 < 47,500
        { 1, 47_500, [1_000, 9_000, 10_000, 100_000], 5, 9_500 },
        { -1, 50_000, [10_000, 8_000, 12_000], 5, null },    // posted in the future
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide_Table(double ageDays, long views, long[] peers, double multiple, double? expected)
    {
        var median = BreakoutPolicy.Decide(TimeSpan.FromDays(ageDays), views, peers, multiple);

        Assert.Equal(expected, median);
    }
}
