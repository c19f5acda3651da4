using Monitor.Core.Accounts;
using Monitor.Core.Settings;
using Monitor.Tests.Infrastructure;
using Monitor.Tests.Infrastructure.Oidc;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>The test identity provider, then the app on a real port pointed at it, then the app registered as its client.</summary>
public sealed class SingleSignOnAppFixture : LiveAppFixture, IAsyncLifetime
{
    public const string AdminGroup = "monitor-admins";
    public const string ViewerGroup = "monitor-viewers";

    private TestOidcProvider? _provider;

    public TestOidcProvider Provider => _provider ?? throw new InvalidOperationException("The provider is not started.");

    protected override Dictionary<string, string?> Settings =>
        Provider.AppSettings(new Dictionary<string, string> { [AdminGroup] = MonitorRoles.Admin, [ViewerGroup] = MonitorRoles.Viewer });

    public new async Task InitializeAsync()
    {
        _provider = await TestOidcProvider.StartAsync();
        await base.InitializeAsync();
        await Provider.RegisterClientAsync(BaseAddress);
    }

    public new async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null)
        {
            await _provider.DisposeAsync();
        }
    }
}
