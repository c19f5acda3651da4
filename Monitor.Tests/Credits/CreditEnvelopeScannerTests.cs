using System.Text;
using Monitor.Core.Credits;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Credits;

public sealed class CreditEnvelopeScannerTests
{
    [Theory]
    [InlineData("""{"success":true,"credits_remaining":4318,"credits_charged":1,"aweme_list":[]}""", 1L, 4318L)]
    [InlineData("""{"credits_charged" : 0, "cached": true, "credits_remaining": 99}""", 0L, 99L)]
    [InlineData("""{"credits_charged":"2","credits_remaining":"7"}""", 2L, 7L)]
    [InlineData("""{"success":true,"aweme_list":[{"desc":"credits_charged"}]}""", null, null)]
    [InlineData("""{"credits_charged":null,"credits_remaining":-3}""", null, null)]
    [InlineData("not json at all", null, null)]
    [InlineData("""{"aweme_list":[{"credits_charged":5,"desc":"x"}],"credits_charged":2}""", 2L, null)]
    [InlineData("""{"desc":"a \"credits_remaining\": 9","credits_remaining":1.5}""", null, null)]
    [InlineData("""{"credits_charged":2.0,"credits_remaining":"12abc"}""", 2L, null)]
    public void Feed_Body_FindsTheEnvelopeCounts(string body, long? charged, long? remaining)
    {
        var scanner = new CreditEnvelopeScanner();

        scanner.Feed(Encoding.UTF8.GetBytes(body));

        Assert.Equal((charged, remaining), (scanner.Charged, scanner.Remaining));
    }

    [Fact]
    public void Feed_PinnedFixtureOneByteAtATime_FindsTheChargeAcrossChunks()
    {
        var bytes = Encoding.UTF8.GetBytes(FixtureFiles.Read("profile-videos-pinned.json"));
        var scanner = new CreditEnvelopeScanner();

        foreach (var b in bytes)
        {
            scanner.Feed([b]);
        }

        Assert.Equal((1L, 4318L), (scanner.Charged, scanner.Remaining));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Feed_LongCaptionWithEscapedQuotesBeforeTheEnvelope_FindsItInAnyChunking(int chunk)
    {
        var caption = string.Concat(Enumerable.Repeat("""say \"credits_charged\": 9 \\""", 2_000));
        var bytes = Encoding.UTF8.GetBytes($$"""{"aweme_list":[{"desc":"{{caption}}"}],"credits_charged" : "3", "credits_remaining": 41}""");
        var scanner = new CreditEnvelopeScanner();

        foreach (var part in bytes.Chunk(chunk))
        {
            scanner.Feed(part);
        }

        Assert.Equal((3L, 41L), (scanner.Charged, scanner.Remaining));
    }
}
