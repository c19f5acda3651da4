using System.Globalization;
using Monitor.Core.Common;
using Monitor.Core.Metrics;
using Monitor.Core.Posts;
using Monitor.Core.Scraping;

namespace Monitor.Web.Endpoints;

/// <summary>
/// Rejects a bulk request that would store nonsense, naming each bad field; nothing is written unless all pass. The
/// limits are the columns' own (<see cref="FieldLimits"/>), so whatever passes here fits the database.
/// </summary>
internal static class BulkPostsValidator
{
    public static Dictionary<string, string[]> Validate(BulkPostsRequest? request)
    {
        var errors = new Dictionary<string, string[]>();
        if (request?.ProfileId is null || request.ProfileId == Guid.Empty)
        {
            errors["profileId"] = ["profileId is required."];
        }

        if (request?.Posts is null || request.Posts.Count == 0)
        {
            errors["posts"] = ["posts must hold at least one post."];
            return errors;
        }

        if (request.Posts.Count > BulkPostService.MaxPosts)
        {
            errors["posts"] = [$"At most {BulkPostService.MaxPosts} posts per request."];
            return errors;
        }

        var firstIndexById = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < request.Posts.Count; i++)
        {
            foreach (var (field, message) in ValidatePost(request.Posts[i]))
            {
                errors[$"posts[{i}]{(field.Length == 0 ? "" : "." + field)}"] = [message];
            }

            // Two rows of one post in one request would leave it to chance which figures win.
            if (request.Posts[i]?.AwemeId is { } id && !firstIndexById.TryAdd(id, i))
            {
                errors[$"posts[{i}].awemeId"] = [$"Post {id} appears more than once (first at posts[{firstIndexById[id]}]); send each post once."];
            }
        }

        return errors;
    }

    private static IEnumerable<(string Field, string Message)> ValidatePost(PostSnapshot? post)
    {
        if (post is null)
        {
            yield return ("", "A post is required.");
            yield break;
        }

        if (string.IsNullOrEmpty(post.AwemeId) || post.AwemeId.Length > FieldLimits.AwemeIdLength || !post.AwemeId.All(char.IsAsciiDigit))
        {
            yield return ("awemeId", $"awemeId must be the post's numeric id as a string (1–{FieldLimits.AwemeIdLength} digits).");
        }

        foreach (var metric in PostMetrics.All)
        {
            if (metric.Get(post.Metrics) is { } count && !FieldLimits.IsCount(count))
            {
                yield return (metric.CountJsonName, $"{metric.CountJsonName} is a whole number from 0 to {FieldLimits.MaxCount.ToString("N0", CultureInfo.InvariantCulture)} (10^15).");
            }
        }

        if (post.Description?.Length > FieldLimits.DescriptionLength)
        {
            yield return ("description", $"description is limited to {FieldLimits.DescriptionLength} characters.");
        }
        else if (FieldLimits.HasForbiddenCharacter(post.Description))
        {
            yield return ("description", "description cannot contain control characters other than tabs and line breaks.");
        }

        foreach (var (name, value, limit) in new[]
                 {
                     ("coverUrl", post.CoverUrl, FieldLimits.CoverUrlLength), ("shareUrl", post.ShareUrl, FieldLimits.ShareUrlLength),
                     ("shopProductUrl", post.ShopProductUrl, FieldLimits.ShopProductUrlLength),
                 })
        {
            if (value is not null && !IsHttpUrl(value, limit))
            {
                yield return (name, $"{name} must be an http(s) URL of at most {limit} characters.");
            }
        }

        if (post.DurationSeconds is < 0 or > FieldLimits.MaxDurationSeconds)
        {
            yield return ("durationSeconds", $"durationSeconds is 0–{FieldLimits.MaxDurationSeconds}.");
        }

        if (post.PostedAt is { } postedAt && PostedAtProblem(postedAt) is { } problem)
        {
            yield return ("postedAt", problem);
        }

        foreach (var signalProblem in BulkSignalsValidator.Validate(post))
        {
            yield return signalProblem;
        }
    }

    private static bool IsHttpUrl(string value, int limit) =>
        value.Length <= limit
        && !FieldLimits.HasForbiddenCharacter(value)
        && Uri.TryCreate(value, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    // ApiDateTimeConverter leaves a time without an offset Unspecified, and turns one with an offset into UTC.
    private static string? PostedAtProblem(DateTime postedAt) =>
        postedAt.Kind != DateTimeKind.Utc
            ? "postedAt needs an offset: 'Z' for UTC or e.g. '+02:00' (a time without one is ambiguous, so it is refused)."
            : !FieldLimits.IsPlausiblePostedAt(postedAt)
                ? string.Create(CultureInfo.InvariantCulture, $"postedAt is between {FieldLimits.MinPostedAt:yyyy-MM-dd} and {FieldLimits.MaxPostedAt:yyyy-MM-dd} (UTC).")
                : null;
}
