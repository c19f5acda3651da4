using System.Globalization;
using System.Text.Json;

namespace Monitor.Tests.Infrastructure;

/// <summary>Feed pages written in code for <see cref="FakeScrapeCreators.ServeFeed"/>: posts with given ids and counts.</summary>
internal static class FakeFeed
{
    public const string Empty = """{"success":true,"aweme_list":[],"has_more":false,"max_cursor":0}""";

    /// <summary>A page of posts (id, views); <paramref name="nextCursor"/> null ends the feed.</summary>
    public static string Page(IEnumerable<(string Id, long Views)> posts, string? nextCursor) => JsonSerializer.Serialize(new
    {
        success = true,
        aweme_list = posts.Select(p => new
        {
            aweme_id = p.Id,
            desc = "post " + p.Id,
            create_time = 1_760_000_000,
            statistics = new { play_count = p.Views, digg_count = p.Views / 10, share_count = 1, comment_count = 2, collect_count = 3 },
        }),
        has_more = nextCursor is not null,
        max_cursor = nextCursor ?? "0",
    });

    /// <summary>Post ids unique to one test: 19 digits, starting with <paramref name="prefix"/> (1–9).</summary>
    public static string Id(int prefix, int n) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{n:D18}");

    /// <summary>A profile body for <paramref name="handle"/> (the fixture's, renamed), public or private.</summary>
    public static string Profile(string handle, bool isPrivate = false)
    {
        var body = FixtureFiles.Read("profile.json").Replace(FixtureFiles.FixtureHandle, handle, StringComparison.Ordinal);
        return isPrivate
            ? body.Replace("\"privateAccount\": false", "\"privateAccount\": true", StringComparison.Ordinal)
            : body;
    }
}
