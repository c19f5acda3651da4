using Monitor.Core.Common;

namespace Monitor.Tests.Common;

/// <summary>The one backoff of runs, deliveries and media: its table is its specification.</summary>
public sealed class BackoffTests
{
    [Theory]
    // Doubling from 30 s over 3 attempts (runs): 30 s, 60 s, then give up.
    [InlineData("doubling 30s x3", 1, 30.0)]
    [InlineData("doubling 30s x3", 2, 60.0)]
    [InlineData("doubling 30s x3", 3, null)]
    [InlineData("doubling 30s x3", 0, null)]
    // Doubling from 5 min up to a day over 20 attempts (media): the cap holds, far past any overflow.
    [InlineData("doubling 5min x20 max 1d", 1, 300.0)]
    [InlineData("doubling 5min x20 max 1d", 4, 2_400.0)]
    [InlineData("doubling 5min x20 max 1d", 9, 76_800.0)]
    [InlineData("doubling 5min x20 max 1d", 10, 86_400.0)]
    [InlineData("doubling 5min x20 max 1d", 19, 86_400.0)]
    [InlineData("doubling 5min x20 max 1d", 20, null)]
    // Listed (deliveries): 1, 5, 30 minutes, then give up.
    [InlineData("listed 1/5/30min", 1, 60.0)]
    [InlineData("listed 1/5/30min", 2, 300.0)]
    [InlineData("listed 1/5/30min", 3, 1_800.0)]
    [InlineData("listed 1/5/30min", 4, null)]
    public void After_FailedAttempts_GivesTheWaitOrGivesUp(string backoff, int failedAttempts, double? seconds)
    {
        var policy = backoff switch
        {
            "doubling 30s x3" => Backoff.Doubling(TimeSpan.FromSeconds(30), 3),
            "doubling 5min x20 max 1d" => Backoff.Doubling(TimeSpan.FromMinutes(5), 20, TimeSpan.FromDays(1)),
            "listed 1/5/30min" => Backoff.Listed(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)),
            _ => throw new ArgumentOutOfRangeException(nameof(backoff), backoff, null),
        };

        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, policy.After(failedAttempts));
    }

    [Fact]
    public void Doubling_WithoutACapPastAnyTimeSpan_SaturatesInsteadOfOverflowing() =>
        Assert.Equal(TimeSpan.MaxValue, Backoff.Doubling(TimeSpan.FromSeconds(30), 1000).After(999));

    [Fact]
    public void Listed_MaxAttempts_IsOneMoreThanTheWaits() =>
        Assert.Equal(4, Backoff.Listed(TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30)).MaxAttempts);
}
