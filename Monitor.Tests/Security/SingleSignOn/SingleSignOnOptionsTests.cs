using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>The settings are checked at start, and each problem names its setting.</summary>
public sealed class SingleSignOnOptionsTests
{
    [Fact]
    public void Problems_Disabled_NoneWhateverTheRest()
    {
        var options = new SingleSignOnOptions { Enabled = false, Authority = "not a url" };

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_CompleteHttpsSettings_None()
    {
        Assert.Empty(Valid().Problems());
    }

    [Theory]
    [InlineData(null, "Authority")]
    [InlineData("sso.example.com/realms/team", "Authority")]
    [InlineData("ftp://sso.example.com/", "Authority")]
    [InlineData("http://sso.example.com/realms/team", "must use https")]
    public void Problems_BadAuthority_NamesIt(string? authority, string expected)
    {
        var options = Valid();
        options.Authority = authority;

        Assert.Contains(options.Problems(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5123/")]
    [InlineData("http://localhost:8080/realms/test")]
    [InlineData("http://[::1]:9000/")]
    public void Problems_HttpOnLoopback_Accepted(string authority)
    {
        var options = Valid();
        options.Authority = authority;

        Assert.Empty(options.Problems());
    }

    [Fact]
    public void Problems_MissingClientIdAndMappings_NamesEach()
    {
        var options = Valid();
        options.ClientId = " ";
        options.RoleMappings.Clear();

        var problems = options.Problems();

        Assert.Contains(problems, p => p.Contains("Authentication:Oidc:ClientId", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Authentication:Oidc:RoleMappings is empty", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_UnknownRole_NamesTheGroupAndTheRoles()
    {
        var options = Valid();
        options.RoleMappings["monitor-owners"] = "owner";

        var problem = Assert.Single(options.Problems());

        Assert.Contains("RoleMappings:monitor-owners", problem, StringComparison.Ordinal);
        Assert.Contains("admin or viewer", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_NeverQuoteTheClientSecret()
    {
        var options = Valid();
        options.ClientSecret = "s3cr3t-value-never-shown";
        options.ClientId = null;
        options.Authority = "nope";

        Assert.DoesNotContain(options.Problems(), p => p.Contains(options.ClientSecret, StringComparison.Ordinal));
    }

    private static SingleSignOnOptions Valid() => new()
    {
        Enabled = true,
        Authority = "https://sso.example.com/realms/team",
        ClientId = "monitor",
        ClientSecret = "secret",
        RoleMappings = { ["monitor-admins"] = "admin", ["monitor-viewers"] = "viewer" },
    };
}
