using Monitor.Core.Notifications.Delivery;

namespace Monitor.Tests.Notifications;

public sealed class DashboardLinkTests
{
    private static readonly Guid Profile = Guid.Parse("0b7c1a52-0000-4000-8000-000000000001");

    [Theory]
    [InlineData(null, null)]
    [InlineData("  ", null)]
    [InlineData("https://monitor.example.test", "https://monitor.example.test/profiles/0b7c1a52-0000-4000-8000-000000000001")]
    [InlineData("https://example.test/monitor/", "https://example.test/monitor/profiles/0b7c1a52-0000-4000-8000-000000000001")]
    public void For_AProfile_IsItsPageUnderTheConfiguredAddress(string? dashboardUrl, string? expected) =>
        Assert.Equal(expected, DashboardLink.For(dashboardUrl, Profile));

    [Fact]
    public void For_NoProfile_IsTheDashboardItself() =>
        Assert.Equal("https://monitor.example.test", DashboardLink.For("https://monitor.example.test/", null));

    [Theory]
    [InlineData(null, true)]
    [InlineData("https://monitor.example.test", true)]
    [InlineData("http://10.0.0.5:8080/monitor", true)]
    [InlineData("monitor.example.test", false)]
    [InlineData("ftp://monitor.example.test", false)]
    [InlineData("https://monitor.example.test/?a=1", false)]
    public void IsValid_OnlyAbsoluteHttpAddressesWithoutQuery(string? dashboardUrl, bool valid) =>
        Assert.Equal(valid, DashboardLink.IsValid(dashboardUrl));
}
