using Microsoft.Extensions.Time.Testing;
using Monitor.Tests.Scraping;

namespace Monitor.Tests.Credits;

/// <summary>The simulator answers the account routes from its own count of requests, so demo usage reconciles.</summary>
public sealed class SimulatedAccountRoutesTests
{
    [Fact]
    public async Task Simulator_PagesServed_DailyUsageCountsThemAndBalanceAnswers()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2031, 3, 4, 10, 0, 0, TimeSpan.Zero));
        using var host = ScrapeCreatorsTestHost.Simulated(time);
        var client = host.Client;
        var before = (await client.GetDailyUsageAsync(CancellationToken.None)).SingleOrDefault(d => d.Day == new DateOnly(2031, 3, 4))?.Requests ?? 0;

        await client.GetProfileAsync("simulated.usage", CancellationToken.None);
        await client.GetPostsPageAsync("simulated.usage", null, null, CancellationToken.None);
        var balance = await client.GetCreditBalanceAsync(CancellationToken.None);
        var usage = await client.GetDailyUsageAsync(CancellationToken.None);

        var today = Assert.Single(usage, d => d.Day == new DateOnly(2031, 3, 4));
        Assert.Equal(before + 2, today.Requests);
        Assert.Equal(today.Requests, today.Credits);
        Assert.True(balance is > 0);
    }
}
