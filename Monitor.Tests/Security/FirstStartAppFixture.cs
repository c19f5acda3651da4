using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Security;

/// <summary>The app on a real port with no user at all: what a first start looks like.</summary>
public sealed class FirstStartAppFixture : LiveAppFixture
{
    protected override Dictionary<string, string?> Settings => new()
    {
        ["MONITOR_ADMIN_USER"] = "",
        ["MONITOR_ADMIN_PASSWORD"] = "",
    };
}
