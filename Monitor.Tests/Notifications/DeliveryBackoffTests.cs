using Monitor.Core.Notifications.Policies;

namespace Monitor.Tests.Notifications;

public sealed class DeliveryBackoffTests
{
    [Theory]
    [InlineData(1, 1.0)]
    [InlineData(2, 5.0)]
    [InlineData(3, 30.0)]
    [InlineData(4, null)]
    [InlineData(0, null)]
    public void After_Attempts_WaitsOneFiveThirtyMinutesThenGivesUp(int attempts, double? minutes) =>
        Assert.Equal(minutes is { } m ? TimeSpan.FromMinutes(m) : null, DeliveryBackoff.After(attempts));
}
