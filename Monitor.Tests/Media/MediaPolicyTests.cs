using Monitor.Core.Media;

namespace Monitor.Tests.Media;

public sealed class MediaPolicyTests
{
    [Theory]
    [InlineData("https://p16-sign.tiktokcdn.com/obj/abc.jpeg?x-expires=1&x-signature=a", "https://p19-sign.tiktokcdn.com/obj/abc.jpeg?x-expires=2&x-signature=b", true)]
    [InlineData("https://p16-sign.tiktokcdn.com/obj/abc.jpeg?x=1", "https://p16-sign.tiktokcdn.com/obj/def.jpeg?x=1", false)]
    [InlineData(null, "https://cdn.example.com/a.png", false)]
    [InlineData("data:image/svg+xml,abc", "data:image/svg+xml,abc", false)]
    public void SameImage_ComparesThePathOnly(string? stored, string current, bool expected) =>
        Assert.Equal(expected, MediaUrl.SameImage(stored, current));

    [Theory]
    [InlineData("https://cdn.example.com/a.png", true)]
    [InlineData("http://cdn.example.com/a.png", true)]
    [InlineData("ftp://cdn.example.com/a.png", false)]
    [InlineData("file:///etc/passwd", false)]
    [InlineData("data:image/png;base64,AAAA", false)]
    [InlineData("/media/abc", false)]
    [InlineData("", false)]
    public void TryParse_OnlyAbsoluteHttpUrls(string url, bool expected) =>
        Assert.Equal(expected, MediaUrl.TryParse(url, out _));

    [Fact]
    public void NextAttempt_DoublesTheDelayThenGivesUp()
    {
        var options = new MediaOptions { MaxAttempts = 4, RetryDelay = TimeSpan.FromMinutes(5) };
        var now = new DateTime(2026, 11, 27, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(now.AddMinutes(5), MediaRetry.NextAttempt(1, now, options));
        Assert.Equal(now.AddMinutes(10), MediaRetry.NextAttempt(2, now, options));
        Assert.Equal(now.AddMinutes(20), MediaRetry.NextAttempt(3, now, options));
        Assert.Null(MediaRetry.NextAttempt(4, now, options));
    }

    [Theory]
    [InlineData("Media:MaxBytes", "10")]
    [InlineData("Media:Concurrency", "0")]
    [InlineData("Media:Timeout", "00:00:00")]
    [InlineData("Media:Interval", "00:00:00")]
    [InlineData("Media:MaxAttempts", "0")]
    public void Validator_OutOfRange_Fails(string key, string value)
    {
        var options = new MediaOptions();
        var property = typeof(MediaOptions).GetProperty(key["Media:".Length..])!;
        var converted = System.ComponentModel.TypeDescriptor.GetConverter(property.PropertyType).ConvertFromInvariantString(value);
        property.SetValue(options, converted);

        var result = new MediaOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(key, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validator_Defaults_Pass() => Assert.True(new MediaOptionsValidator().Validate(null, new MediaOptions()).Succeeded);
}
