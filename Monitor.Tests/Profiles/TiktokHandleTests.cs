using Monitor.Core.Profiles;

namespace Monitor.Tests.Profiles;

public sealed class TiktokHandleTests
{
    [Theory]
    [InlineData("charlidamelio", "charlidamelio")]
    [InlineData("@Fixture.Creator", "fixture.creator")]
    [InlineData("  @under_score  ", "under_score")]
    [InlineData("https://www.tiktok.com/@fixture.creator", "fixture.creator")]
    [InlineData("https://www.tiktok.com/@fixture.creator/video/7561810045865935646?lang=en", "fixture.creator")]
    [InlineData("http://m.tiktok.com/@Some.One?is_from_webapp=1", "some.one")]
    [InlineData("tiktok.com/@ab", "ab")]
    public void TryNormalize_AcceptedForms_ReturnsBareLowerCaseHandle(string input, string expected)
    {
        Assert.True(TiktokHandle.TryNormalize(input, out var handle));
        Assert.Equal(expected, handle);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("@")]
    [InlineData("this_handle_is_far_too_long_for_tiktok")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("<script>")]
    [InlineData("https://www.youtube.com/@someone")]
    [InlineData("https://www.tiktok.com/foryou")]
    [InlineData("https://evil.example/tiktok.com/@someone")]
    public void TryNormalize_InvalidInput_IsRejected(string? input)
    {
        Assert.False(TiktokHandle.TryNormalize(input, out var handle));
        Assert.Null(handle);
    }
}
