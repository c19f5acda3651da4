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
}
