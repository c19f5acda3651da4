using Bunit;
using Monitor.Tests.Dashboard;
using Monitor.Web.Components.Credits;

namespace Monitor.Tests.Credits;

public sealed class ProfileCreditCostTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);
    private readonly DashboardTestContext _context = new();

    public Task InitializeAsync() => _context.InitializeAsync();

    public Task DisposeAsync() => _context.DisposeAsync();

    [Fact]
    public async Task ProfileCreditCost_ProfileOfThreeHundredPostsNotYetMonitored_ShowsCreditsAndMoneyAMonth()
    {
        var profile = await _context.AddProfileAsync("costly", configure: p => p.TotalPosts = 300);

        var chip = _context.Bunit.Render<ProfileCreditCost>(p => p.Add(x => x.ProfileId, profile.Id));

        chip.WaitForAssertion(() => Assert.Contains("≈ 300 credits/month ($0.56)", chip.Find("[data-testid=profile-credit-cost]").TextContent, StringComparison.Ordinal), Deadline);
    }

    [Fact]
    public void NewProfileCreditHint_Defaults_StatesTheRuleOfThumb()
    {
        var hint = _context.Bunit.Render<NewProfileCreditHint>();

        Assert.Contains("a profile of 300 posts ≈ 300 credits a month ($0.56)", hint.Find("[data-testid=new-profile-credit-hint]").TextContent, StringComparison.Ordinal);
    }
}
