using Monitor.Web.Components.Pages.Profiles;

namespace Monitor.Tests.Dashboard;

public sealed class HandleListTests
{
    [Fact]
    public void Split_MixedSeparators_ReturnsEachHandleOnce()
    {
        var handles = HandleList.Split("@one, two\nhttps://www.tiktok.com/@three  four;\r\n@ONE");

        Assert.Equal(["@one", "two", "https://www.tiktok.com/@three", "four"], handles);
    }

    [Fact]
    public void Split_Blank_ReturnsNothing() => Assert.Empty(HandleList.Split("  \n "));
}
