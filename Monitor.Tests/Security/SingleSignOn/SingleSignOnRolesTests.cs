using Monitor.Core.Accounts.SingleSignOn;

namespace Monitor.Tests.Security.SingleSignOn;

/// <summary>The table that is the role mapping's specification.</summary>
public sealed class SingleSignOnRolesTests
{
    private static readonly Dictionary<string, string> Mappings = new()
    {
        ["monitor-admins"] = "admin",
        ["monitor-viewers"] = "viewer",
        ["/team/analysts"] = "viewer",
        ["broken"] = "owner",
    };

    [Theory]
    [InlineData("monitor-admins", "admin")]
    [InlineData("monitor-viewers", "viewer")]
    [InlineData("monitor-viewers,monitor-admins", "admin")]
    [InlineData("sales,monitor-viewers", "viewer")]
    [InlineData("/team/analysts", "viewer")]
    [InlineData("sales,marketing", null)]
    [InlineData("", null)]
    [InlineData("MONITOR-ADMINS", null)]
    [InlineData("broken", null)]
    public void RoleFor_Groups_GivesTheStrongestMappedRoleOrNone(string groups, string? expected)
    {
        var list = groups.Split(',', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(expected, SingleSignOnRoles.RoleFor(list, Mappings));
    }
}
