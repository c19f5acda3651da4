using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Browser;

/// <summary>The app on a real port with the simulated upstream: fast answers, and pages 0.5 s apart so a run of 5 pages lasts long enough to watch on a loaded machine.</summary>
public sealed class DashboardAppFixture : LiveAppFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["SCRAPECREATORS_API_KEY"] = "",
        ["ScrapeCreators:ApiKey"] = "",
        ["ScrapeCreators:SimulatedLatency"] = "00:00:00.020",
        ["Monitoring:PageDelay"] = "00:00:00.500",
    };
}
