using Monitor.Core.Common;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Web.Endpoints;

/// <summary>The free signals of a bulk post (all optional): a sound needs its numeric id, hashtags must each be one tag.</summary>
internal static class BulkSignalsValidator
{
    public static IEnumerable<(string Field, string Message)> Validate(PostSnapshot post)
    {
        if (post.Sound is { } sound)
        {
            if (string.IsNullOrEmpty(sound.Id) || sound.Id.Length > FieldLimits.SoundIdLength || !sound.Id.All(char.IsAsciiDigit))
            {
                yield return ("sound.id", $"sound.id is the sound's numeric id as a string (1–{FieldLimits.SoundIdLength} digits).");
            }

            foreach (var (name, value, limit) in new[] { ("sound.title", sound.Title, FieldLimits.SoundTitleLength), ("sound.author", sound.Author, FieldLimits.SoundAuthorLength) })
            {
                if (value?.Length > limit || FieldLimits.HasForbiddenCharacter(value))
                {
                    yield return (name, $"{name} is at most {limit} characters, without control characters.");
                }
            }
        }

        if (post.Hashtags is not { } tags)
        {
            yield break;
        }

        if (tags.Count > FieldLimits.MaxHashtagsPerPost)
        {
            yield return ("hashtags", $"At most {FieldLimits.MaxHashtagsPerPost} hashtags per post.");
            yield break;
        }

        for (var i = 0; i < tags.Count; i++)
        {
            if (Hashtags.Normalize(tags[i]) is null)
            {
                yield return ($"hashtags[{i}]", $"A hashtag is one tag of at most {FieldLimits.HashtagLength} characters without spaces; the leading # is optional.");
            }
        }
    }
}
