using Monitor.Core.Metrics;
using Monitor.Core.Posts;

namespace Monitor.Web.Endpoints;

/// <summary>Rejects a bulk request that would store nonsense, naming each bad field; nothing is written unless all pass.</summary>
internal static class BulkPostsValidator
{
    private const int MaxTextLength = 10_000;
    private const int MaxUrlLength = 4_096;

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

        for (var i = 0; i < request.Posts.Count; i++)
        {
            foreach (var (field, message) in ValidatePost(request.Posts[i]))
            {
                errors[$"posts[{i}].{field}"] = [message];
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

        if (string.IsNullOrEmpty(post.AwemeId) || post.AwemeId.Length > 32 || !post.AwemeId.All(char.IsAsciiDigit))
        {
            yield return ("awemeId", "awemeId must be the post's numeric id as a string (1–32 digits).");
        }

        foreach (var metric in PostMetrics.All)
        {
            if (metric.Get(post.Metrics) < 0)
            {
                yield return (metric.CountJsonName, $"{metric.CountJsonName} cannot be negative.");
            }
        }

        if (post.Description?.Length > MaxTextLength)
        {
            yield return ("description", $"description is limited to {MaxTextLength} characters.");
        }

        foreach (var (name, value) in new[] { ("coverUrl", post.CoverUrl), ("shareUrl", post.ShareUrl) })
        {
            if (value is not null && (value.Length > MaxUrlLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)))
            {
                yield return (name, $"{name} must be an http(s) URL.");
            }
        }

        if (post.DurationSeconds < 0)
        {
            yield return ("durationSeconds", "durationSeconds cannot be negative.");
        }
    }
}
