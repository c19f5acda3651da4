using System.Globalization;
using Monitor.Core.Common;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// The free signals of a simulated post, fixed by the account and the post's index so the demo shows the same badges
/// after every restart: about one post in twenty is an ad, one in eight a paid partnership, one in ten links a shop
/// product, six in ten use an original sound (the rest one of a few shared tracks), and the caption's tags are its hashtags.
/// </summary>
internal sealed record SimulatedSignals(bool IsAd, bool IsPaidPartnership, string? ShopProductUrl, SimulatedSound Sound, IReadOnlyList<string> Hashtags)
{
    private static readonly SimulatedSound[] Tracks =
    [
        new("7100000000000000101", "Golden Hour (sped up)", "Demo Records", false),
        new("7100000000000000102", "Lo-fi Study Beat", "Chill Loops", false),
        new("7100000000000000103", "Summer Anthem", "The Simulated", false),
        new("7100000000000000104", "Dramatic Zoom", "Sound Effects Co", false),
        new("7100000000000000105", "Acoustic Morning", "Demo Records", false),
    ];

    /// <param name="salt">The post's own salt; signals use the slots after the ones <see cref="SimulatedAccount"/> uses.</param>
    public static SimulatedSignals For(ulong seed, long salt, string handle, string awemeId, IReadOnlyList<string> hashtags)
    {
        var kind = StableHash.Between(seed, salt + 13, 0, 99);
        var shop = StableHash.Between(seed, salt + 14, 0, 9) == 0;
        var soundPick = StableHash.Between(seed, salt + 15, 0, 99);
        var sound = soundPick < 60
            ? new SimulatedSound(OriginalSoundId(awemeId), $"original sound - {handle}", handle, true)
            : Tracks[soundPick % Tracks.Length];
        return new SimulatedSignals(
            IsAd: kind < 5,
            IsPaidPartnership: kind is >= 5 and < 17,
            ShopProductUrl: shop ? $"https://shop.tiktok.com/view/product/{awemeId[^8..]}" : null,
            sound,
            hashtags);
    }

    // A sound recorded for the post: its id follows the post's, as TikTok's do (both are time-ordered).
    private static string OriginalSoundId(string awemeId) =>
        (ulong.Parse(awemeId, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
}
