using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Tests.Scraping;

public sealed class ScrapeCreatorsOptionsTests
{
    [Fact]
    public void ToString_WithApiKey_DoesNotPrintTheKey()
    {
        var options = new ScrapeCreatorsOptions { ApiKey = ScrapeCreatorsTestHost.ApiKey };

        var text = options.ToString();

        Assert.DoesNotContain(ScrapeCreatorsTestHost.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("(set)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void AddScrapeCreators_Defaults_MatchTheDocumentedValues()
    {
        using var host = ScrapeCreatorsTestHost.Create(new Dictionary<string, string?>(), null, null);
        var options = new ScrapeCreatorsOptions();

        Assert.Equal(new Uri("https://api.scrapecreators.com"), options.BaseUrl);
        Assert.Equal(TimeSpan.FromSeconds(60), options.AttemptTimeout);
        Assert.Equal(TimeSpan.FromMinutes(3), options.TotalTimeout);
        Assert.Equal(4, options.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromSeconds(2), options.RetryBaseDelay);
        Assert.Equal(TimeSpan.FromSeconds(60), options.MaxRetryAfter);
        Assert.True(host.Services.GetRequiredService<UpstreamMode>().IsSimulated);
    }

    [Fact]
    public async Task AddScrapeCreators_ProductionDefaults_BuildAWorkingPipeline()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ScrapeCreators:SimulatedLatency"] = "00:00:00" })
            .Build();
        using var services = new ServiceCollection().AddLogging().AddScrapeCreators(configuration).BuildServiceProvider();

        services.GetRequiredService<IStartupValidator>().Validate();
        var page = await services.GetRequiredService<ScrapeCreatorsClient>().GetPostsPageAsync("demo.creator", null, null, CancellationToken.None);

        Assert.NotEmpty(page.Posts);
    }

    [Fact]
    public void AddScrapeCreators_KeyOnlyAtRootEnvironmentKey_IsUsedAndLive()
    {
        using var host = ScrapeCreatorsTestHost.Create(
            new Dictionary<string, string?> { ["SCRAPECREATORS_API_KEY"] = ScrapeCreatorsTestHost.ApiKey }, null, null);

        var options = host.Services.GetRequiredService<IOptions<ScrapeCreatorsOptions>>().Value;

        Assert.Equal(ScrapeCreatorsTestHost.ApiKey, options.ApiKey);
        Assert.False(host.Services.GetRequiredService<UpstreamMode>().IsSimulated);
    }

    [Fact]
    public void AddScrapeCreators_SectionKeyAndRootKey_SectionWins()
    {
        using var host = ScrapeCreatorsTestHost.Create(new Dictionary<string, string?>
        {
            ["SCRAPECREATORS_API_KEY"] = "from-environment",
            ["ScrapeCreators:ApiKey"] = "from-section",
        }, null, null);

        var options = host.Services.GetRequiredService<IOptions<ScrapeCreatorsOptions>>().Value;

        Assert.Equal("from-section", options.ApiKey);
    }

    [Fact]
    public void AddScrapeCreators_InvalidSettings_FailStartupValidation()
    {
        using var host = ScrapeCreatorsTestHost.Create(new Dictionary<string, string?>
        {
            ["ScrapeCreators:BaseUrl"] = "not-a-url",
            ["ScrapeCreators:AttemptTimeout"] = "00:05:00",
            ["ScrapeCreators:TotalTimeout"] = "00:01:00",
        }, null, null);

        var error = Assert.Throws<AggregateException>(() => host.Services.GetRequiredService<IStartupValidator>().Validate());

        var failures = error.InnerExceptions.OfType<OptionsValidationException>().SelectMany(e => e.Failures).ToList();
        Assert.Contains(failures, f => f.Contains("BaseUrl", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("TotalTimeout", StringComparison.Ordinal));
    }
}
