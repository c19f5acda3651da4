namespace Monitor.Core.Common;

/// <summary>
/// The one definition of how long or how large a stored value may be. The EF configurations size their columns from
/// these, and every door (the REST validators, the dashboard, the upstream mapper) checks or caps against the same
/// numbers, so a value a door accepts always fits its column.
/// </summary>
public static class FieldLimits
{
    /// <summary>TikTok ids are 19 digits today; the column leaves room, never more.</summary>
    public const int AwemeIdLength = 32;

    public const int HandleLength = 64;
    public const int TiktokUserIdLength = 64;
    public const int SecUidLength = 256;
    public const int NicknameLength = 256;
    public const int BioLength = 1024;

    /// <summary>TikTok's own caption limit is 4,000 characters.</summary>
    public const int DescriptionLength = 4000;

    public const int CoverUrlLength = 4096;
    public const int ShareUrlLength = 2048;
    public const int AvatarUrlLength = 2048;
    public const int ShopProductUrlLength = 2048;

    /// <summary>A sound's id (<c>music.id_str</c>): digits like a post's id.</summary>
    public const int SoundIdLength = 32;

    public const int SoundTitleLength = 256;
    public const int SoundAuthorLength = 256;

    /// <summary>TikTok cuts a hashtag at 100 characters.</summary>
    public const int HashtagLength = 100;

    /// <summary>A 4,000-character caption holds at most a few hundred; past this the list is noise.</summary>
    public const int MaxHashtagsPerPost = 100;

    /// <summary>
    /// 10^15, far above any real count (the most viewed TikTok is under 10^10), and low enough that 9,000 posts at the
    /// limit still sum inside 64 bits.
    /// </summary>
    public const long MaxCount = 1_000_000_000_000_000;

    /// <summary>A day: no TikTok video is longer (the upstream sends milliseconds; the column holds seconds).</summary>
    public const int MaxDurationSeconds = 86_400;

    /// <summary>A run's note (why paging stopped early, the feed's odd posts).</summary>
    public const int RunNoteLength = 500;

    /// <summary>A run's error message, kept on the run and on the outcome event the notifier reads.</summary>
    public const int RunErrorLength = 2000;

    /// <summary>A search term longer than the longest searchable column (the nickname) could never match.</summary>
    public const int SearchLength = NicknameLength;

    /// <summary>Plausible posting times: TikTok did not exist before 2000, and a year past 2100 is a corrupt value.</summary>
    public static readonly DateTime MinPostedAt = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static readonly DateTime MaxPostedAt = new(2100, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static bool IsCount(long value) => value is >= 0 and <= MaxCount;

    public static bool IsPlausiblePostedAt(DateTime utc) => utc >= MinPostedAt && utc < MaxPostedAt;

    /// <summary>
    /// NUL cannot be stored in a PostgreSQL text column, and other control characters (bar tab and line breaks) have no
    /// place in a caption, a URL or a search. A lone surrogate cannot be encoded as UTF-8 at all.
    /// </summary>
    public static bool HasForbiddenCharacter(string? text)
    {
        if (text is null)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c) || (char.IsControl(c) && c is not ('\t' or '\n' or '\r')))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The mark a cut text ends in, so a reader can see it was cut.</summary>
    public const string CutMark = "…";

    /// <summary>
    /// Cuts <paramref name="text"/> to <paramref name="maxLength"/> characters without splitting a surrogate pair; with
    /// <paramref name="marked"/>, a text that had to be cut ends in <see cref="CutMark"/>, within the length. Every
    /// truncation of the app goes through here.
    /// </summary>
    public static string Cut(string text, int maxLength, bool marked = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, marked ? CutMark.Length : 0);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var keep = marked ? maxLength - CutMark.Length : maxLength;
        var end = keep > 0 && char.IsHighSurrogate(text[keep - 1]) ? keep - 1 : keep;
        return marked ? string.Concat(text.AsSpan(0, end), CutMark) : text[..end];
    }
}
