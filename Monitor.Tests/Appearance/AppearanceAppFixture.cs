using Microsoft.Extensions.DependencyInjection;
using Monitor.Core.Catalog;
using Monitor.Core.Dispatch;
using Monitor.Core.Groups;
using Monitor.Core.Profiles;
using Monitor.Core.Runs;
using Monitor.Core.Scraping.Simulation;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Appearance;

/// <summary>The app with the simulated upstream and two monitored profiles in a group, each run once: pages with charts to look at.</summary>
public sealed class AppearanceAppFixture : LiveAppFixture
{
    public Guid ProfileId { get; private set; }

    public Guid GroupId { get; private set; }

    protected override Dictionary<string, string?> Settings => new()
    {
        ["SCRAPECREATORS_API_KEY"] = "",
        ["ScrapeCreators:ApiKey"] = "",
        ["ScrapeCreators:SimulatedLatency"] = "00:00:00.005",
        ["Monitoring:PageDelay"] = "00:00:00",
    };

    public async Task SeedAsync()
    {
        if (ProfileId != Guid.Empty)
        {
            return;
        }

        var services = Factory.Services;
        var handles = Enumerable.Range(0, 200).Select(i => $"theme.look{i}").Where(h => SimulatedAccount.For(h).PostCount is >= 20 and <= 60).Take(2).ToList();
        var group = await services.GetRequiredService<GroupService>().CreateAsync("Look group", "Profiles to look at", CancellationToken.None);
        GroupId = group.Group!.Id;
        foreach (var handle in handles)
        {
            var added = await services.GetRequiredService<ProfileService>().AddAsync(handle, monitoringEnabled: true, CancellationToken.None);
            var id = added.Profile?.Id ?? added.ExistingId!.Value;
            await services.GetRequiredService<GroupMembership>().PutAsync(GroupId, id, isOwn: ProfileId == Guid.Empty, CancellationToken.None);
            ProfileId = ProfileId == Guid.Empty ? id : ProfileId;
            var run = await services.GetRequiredService<RunLifecycle>().QueueAsync(id, MonitoringTrigger.Manual, 1, null, CancellationToken.None);
            await services.GetRequiredService<MonitoringRunner>().RunAsync(run!.Log.Id, CancellationToken.None);
        }
    }
}
