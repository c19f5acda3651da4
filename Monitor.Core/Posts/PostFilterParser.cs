using Monitor.Core.Common;

namespace Monitor.Core.Posts;

/// <summary>
/// The posts API's filter parameters, read from their text: each flag is <c>true</c> or <c>false</c>, the hashtag one
/// tag and the sound a numeric id. Anything else is named in the problems (a 400), never silently ignored.
/// </summary>
public static class PostFilterParser
{
    public static (PostFilter Filter, Dictionary<string, string[]> Problems) Parse(
        string? pinned, string? ad, string? paidPartnership, string? shop, string? originalSound, string? hashtag, string? sound)
    {
        var problems = new Dictionary<string, string[]>();
        var filter = new PostFilter(
            Flag(nameof(pinned), pinned, problems),
            Flag(nameof(ad), ad, problems),
            Flag(nameof(paidPartnership), paidPartnership, problems),
            Flag(nameof(shop), shop, problems),
            Flag(nameof(originalSound), originalSound, problems),
            Tag(hashtag, problems),
            SoundId(sound, problems));
        return (filter, problems);
    }

    private static bool? Flag(string name, string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (bool.TryParse(text.Trim(), out var value))
        {
            return value;
        }

        problems[name] = [$"{name} is true or false (omit it to show posts either way)."];
        return null;
    }

    private static string? Tag(string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var tag = Hashtags.Normalize(text);
        if (tag is null)
        {
            problems["hashtag"] = [$"hashtag is one tag of at most {FieldLimits.HashtagLength} characters without spaces; the leading # is optional."];
        }

        return tag;
    }

    private static string? SoundId(string? text, Dictionary<string, string[]> problems)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        var id = text.Trim();
        if (id.Length is 0 or > FieldLimits.SoundIdLength || !id.All(char.IsAsciiDigit))
        {
            problems["sound"] = [$"sound is a sound's numeric id (1–{FieldLimits.SoundIdLength} digits)."];
            return null;
        }

        return id;
    }
}
