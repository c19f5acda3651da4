using System.Text.Json;
using Monitor.Core.Common;

namespace Monitor.Core.Common;

/// <summary>
/// The one spelling of a hashtag, for storing, filtering and the bulk endpoint alike: without '#', lower case (TikTok
/// treats #Dance and #dance as one tag), at most <see cref="FieldLimits.HashtagLength"/> characters, no spaces.
/// </summary>
public static class Hashtags
{
    /// <returns>The tag as stored, or null when <paramref name="raw"/> is not a usable tag.</returns>
    public static string? Normalize(string? raw)
    {
        var tag = raw?.Trim().TrimStart('#').ToLowerInvariant();
        return string.IsNullOrEmpty(tag)
            || tag.Length > FieldLimits.HashtagLength
            || tag.Any(c => char.IsWhiteSpace(c) || c == '#')
            || FieldLimits.HasForbiddenCharacter(tag)
            ? null
            : tag;
    }

    /// <summary>A reported set as stored in <c>tiktok_posts.hashtags_json</c>: a JSON array, null when not reported.</summary>
    public static string? ToJson(IReadOnlyList<string>? tags) => tags is null ? null : JsonSerializer.Serialize(tags);

    /// <summary>The usable tags of <paramref name="raw"/>, each once in first-seen order, capped at <see cref="FieldLimits.MaxHashtagsPerPost"/>.</summary>
    public static IReadOnlyList<string> NormalizeAll(IEnumerable<string?> raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        return [.. raw.Select(Normalize).OfType<string>().Distinct(StringComparer.Ordinal).Take(FieldLimits.MaxHashtagsPerPost)];
    }
}
