using Monitor.Core.Accounts;
using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Tests.Security.SingleSignOn;

public sealed class ExternalUserNamesTests
{
    [Theory]
    [InlineData("alice", "alice@example.com", "alice")]
    [InlineData(null, "bob@example.com", "bob@example.com")]
    [InlineData("Zoë Müller", null, "Zo--M-ller")]
    [InlineData(null, null, "sso-user")]
    public void From_PreferredNameThenEmail_KeepsOnlyAllowedCharacters(string? preferred, string? email, string expected)
    {
        var identity = new ExternalIdentity("oidc", "sub-1", preferred, email, true, []);

        Assert.Equal(expected, ExternalUserNames.From(identity));
    }

    [Fact]
    public void From_LongName_LeavesRoomForANumber()
    {
        var identity = new ExternalIdentity("oidc", "sub-1", new string('a', 200), null, false, []);

        var name = ExternalUserNames.Numbered(ExternalUserNames.From(identity), 20);

        Assert.True(name.Length <= AccountService.MaxUserNameLength, $"{name.Length} characters");
    }
}
