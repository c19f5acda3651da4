using System.Globalization;

namespace Monitor.Core.Scraping.Simulation;

/// <summary>
/// A made-up TikTok account derived only from its handle. Posts sit on an endless timeline (one every day or two, each
/// with a fixed id and time); the feed shows the newest <see cref="PostCount"/> already published at "now".
/// </summary>
internal sealed class SimulatedAccount
{
    private static readonly DateTimeOffset TimelineOrigin = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] Topics =
    [
        "Morning routine", "Studio session", "Recipe test", "Street interview", "Behind the scenes", "Trying the trend",
        "Q&A", "Day in the life", "Quick tutorial", "Throwback", "Storytime", "Outfit check", "Travel diary", "Challenge",
    ];

    private static readonly string[] Tags =
    [
        "#fyp", "#demo", "#creator", "#howto", "#vlog", "#music", "#food", "#travel", "#fashion", "#comedy", "#dance", "#tips",
    ];

    private readonly ulong _seed;
    private readonly TimeSpan _interval;
    private readonly DateTimeOffset _epoch;
    private readonly double _baseFollowers;
    private readonly double _dailyGrowth;

    private SimulatedAccount(string handle)
    {
        Handle = handle;
        _seed = StableHash.Of(handle);
        PostCount = StableHash.Between(_seed, 1, 25, 120);
        _interval = TimeSpan.FromHours(StableHash.Between(_seed, 2, 18, 60));
        _epoch = TimelineOrigin + TimeSpan.FromHours(StableHash.Between(_seed, 3, 0, 24 * 30));
        UserId = (6_800_000_000_000_000_000UL + (StableHash.Mix(_seed, 4) % 1_000_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture);
        SecUid = "MS4wLjABAAAA" + StableHash.Mix(_seed, 5).ToString("x16", CultureInfo.InvariantCulture) + "DEMO";
        Nickname = ToNickname(handle);
        IsPrivate = handle.Contains("private", StringComparison.OrdinalIgnoreCase);
        IsMissing = handle.StartsWith("missing", StringComparison.OrdinalIgnoreCase);
        IsBanned = handle.Contains("banned", StringComparison.OrdinalIgnoreCase);
        ChangesLater = handle.Contains("later", StringComparison.OrdinalIgnoreCase);
        _baseFollowers = Math.Exp(Lerp(Math.Log(800), Math.Log(4_000_000), StableHash.Unit(_seed, 6)));
        Following = StableHash.Between(_seed, 7, 12, 900);
        _dailyGrowth = StableHash.Between(_seed, 9, 0, 9) switch
        {
            0 => 0,
            1 => -Lerp(0.0005, 0.003, StableHash.Unit(_seed, 11)),
            _ => Lerp(0.001, 0.004, StableHash.Unit(_seed, 11)),
        };
        Verified = _baseFollowers > 1_000_000;
    }

    public string Handle { get; }
    public int PostCount { get; }
    public string UserId { get; }
    public string SecUid { get; }
    public string Nickname { get; }
    public bool IsPrivate { get; }
    public bool IsMissing { get; }
    public bool IsBanned { get; }

    /// <summary>The account looks public to its first profile lookup (adding it) and shows its state to later calls.</summary>
    public bool ChangesLater { get; }
    public bool Verified { get; }
    public long Following { get; }

    public static SimulatedAccount For(string handle) => new(handle);

    public string Bio => $"Demo account generated for @{Handle}. Numbers are simulated and grow over time.";

    /// <summary>
    /// Followers move by a steady share each day, fixed by the handle: most accounts grow (0.1–0.4 % a day), one in ten
    /// stays flat and one in ten falls (0.05–0.3 % a day), with a small wobble per day so a chart is not a ruler.
    /// </summary>
    public long FollowersAt(DateTimeOffset now)
    {
        var days = Math.Max(0, (now - _epoch).TotalDays);
        var wobble = (StableHash.Unit(_seed, 10_000 + (long)Math.Floor(days)) - 0.5) * 0.002;
        // Compounded, like a real audience: a steady share a day keeps the milestone projection meaningful over years.
        var factor = Math.Exp(_dailyGrowth * days) * (1 + wobble);
        return (long)Math.Floor(_baseFollowers * factor);
    }

    /// <summary>The share of followers gained (or lost, when negative) per day.</summary>
    public double FollowerTrend => _dailyGrowth;

    /// <summary>
    /// Whether the feed's posts carry the author's counters. A handle containing "trimmed" gets the trimmed answer's
    /// author (no counters), so a run falls back to its daily profile call.
    /// </summary>
    public bool FeedCarriesCounters => !Handle.Contains("trimmed", StringComparison.OrdinalIgnoreCase);

    /// <summary>Page size for the page that starts at a given post, 10 to 20 like the real feed.</summary>
    public int PageSizeStartingAt(long index) => StableHash.Between(_seed, (index * 31) + 8, 10, 20);

    /// <summary>The visible feed at <paramref name="now"/>, newest first.</summary>
    public IReadOnlyList<SimulatedPost> PostsAt(DateTimeOffset now)
    {
        var latest = (long)Math.Floor((now - _epoch) / _interval);
        if (CreatedAt(latest) > now)
        {
            latest--;
        }

        var posts = new List<SimulatedPost>(PostCount);
        for (var index = latest; index > latest - PostCount; index--)
        {
            posts.Add(CreatePost(index));
        }

        return posts;
    }

    private DateTimeOffset CreatedAt(long index)
    {
        // The jitter stays under 60 % of the interval, so times strictly increase with the index.
        var jitter = StableHash.Unit(_seed, (index * 7) + 100) * 0.6;
        var seconds = Math.Floor((index + jitter) * _interval.TotalSeconds);
        return _epoch + TimeSpan.FromSeconds(seconds);
    }

    private SimulatedPost CreatePost(long index)
    {
        var createdAt = CreatedAt(index);
        var salt = index * 16;
        var isSlideshow = StableHash.Between(_seed, salt + 1, 0, 7) == 0;
        var hasPlayCount = !isSlideshow || StableHash.Between(_seed, salt + 2, 0, 2) != 0;
        var low32 = StableHash.Mix(_seed, salt + 3) & 0xFFFFFFFFUL;
        var awemeId = ((ulong)createdAt.ToUnixTimeSeconds() << 32) | low32;
        var topic = Topics[StableHash.Between(_seed, salt + 4, 0, Topics.Length - 1)];
        var tag = Tags[StableHash.Between(_seed, salt + 5, 0, Tags.Length - 1)];
        var id = awemeId.ToString(CultureInfo.InvariantCulture);
        var captioned = StableHash.Between(_seed, salt + 6, 0, 9) != 0;
        string[] hashtags = !captioned ? [] : tag == "#demo" ? ["demo"] : [tag[1..], "demo"];
        return new SimulatedPost(
            index,
            id,
            createdAt,
            captioned ? $"{topic}, {createdAt.ToString("MMM d", CultureInfo.InvariantCulture)} {tag} #demo" : "",
            isSlideshow,
            hasPlayCount,
            isSlideshow ? 0 : StableHash.Between(_seed, salt + 7, 6_000, 180_000),
            PeakViews: Math.Exp(Lerp(Math.Log(400), Math.Log(3_000_000), Math.Pow(StableHash.Unit(_seed, salt + 8), 1.6))),
            LikeRate: Lerp(0.03, 0.14, StableHash.Unit(_seed, salt + 9)),
            CommentRate: Lerp(0.005, 0.05, StableHash.Unit(_seed, salt + 10)),
            ShareRate: Lerp(0.004, 0.04, StableHash.Unit(_seed, salt + 11)),
            SaveRate: Lerp(0.02, 0.12, StableHash.Unit(_seed, salt + 12)),
            Signals: SimulatedSignals.For(_seed, salt, Handle, id, hashtags));
    }

    private static double Lerp(double from, double to, double t) => from + ((to - from) * t);

    private static string ToNickname(string handle)
    {
        var words = handle.Split(['.', '_', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..]);
        var nickname = string.Join(' ', words);
        return nickname.Length == 0 ? handle : nickname;
    }
}
