using Monitor.Core.Credits;

namespace Monitor.Tests.Credits;

public sealed class CreditPolicyTests
{
    [Theory]
    [InlineData(null, 1_000_000L, CreditBudgetLevel.Ok)]
    [InlineData(0L, 5L, CreditBudgetLevel.Ok)]
    [InlineData(100L, 79L, CreditBudgetLevel.Ok)]
    [InlineData(100L, 80L, CreditBudgetLevel.Warning)]
    [InlineData(100L, 99L, CreditBudgetLevel.Warning)]
    [InlineData(100L, 100L, CreditBudgetLevel.Exceeded)]
    [InlineData(100L, 250L, CreditBudgetLevel.Exceeded)]
    public void LevelOf_BudgetAndSpend_IsTheThreshold(long? budget, long spent, CreditBudgetLevel expected) =>
        Assert.Equal(expected, CreditBudgetPolicy.LevelOf(budget, spent));

    [Theory]
    [InlineData(0L, 30, 1)]
    [InlineData(1L, 30, 1)]
    [InlineData(30L, 30, 1)]
    [InlineData(31L, 30, 2)]
    [InlineData(300L, 30, 10)]
    [InlineData(1000L, 30, 34)]
    public void PagesPerRun_PostsAndPageSize_RoundsUp(long posts, int pageSize, int expected) =>
        Assert.Equal(expected, CreditEstimate.PagesPerRun(posts, pageSize));

    [Theory]
    [InlineData(10.0, 24, 300L)]
    [InlineData(10.0, 6, 1200L)]
    [InlineData(1.5, 48, 23L)]
    public void PerMonth_CreditsPerRunAndInterval_ThirtyDays(double perRun, int intervalHours, long expected) =>
        Assert.Equal(expected, CreditEstimate.PerMonth(perRun, intervalHours));

    [Fact]
    public void MonthForecast_MidMonth_AddsTheDaysLeft()
    {
        Assert.Equal(100 + 50, CreditEstimate.MonthForecast(100, 5, new DateOnly(2026, 11, 20)));
        Assert.Equal(100, CreditEstimate.MonthForecast(100, 5, new DateOnly(2026, 2, 28)));
        Assert.Equal(1.88m, CreditEstimate.Money(1000, 1.88m));
    }
}
