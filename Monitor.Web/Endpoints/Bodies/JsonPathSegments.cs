using System.Globalization;

namespace Monitor.Web.Endpoints.Bodies;

/// <summary>
/// The segments of a System.Text.Json path (<c>$.posts[0].views</c>, <c>$['odd.name']</c>): a property name, or an
/// array index as its decimal text with <see cref="JsonPathSegment.IsIndex"/> set.
/// </summary>
internal static class JsonPathSegments
{
    public static IReadOnlyList<JsonPathSegment> Parse(string? path)
    {
        var segments = new List<JsonPathSegment>();
        if (string.IsNullOrEmpty(path) || path[0] != '$')
        {
            return segments;
        }

        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                var end = path.IndexOfAny(['.', '['], i + 1);
                end = end < 0 ? path.Length : end;
                segments.Add(new JsonPathSegment(path[(i + 1)..end], false));
                i = end;
            }
            else if (path[i] == '[' && i + 1 < path.Length && path[i + 1] == '\'')
            {
                var end = path.IndexOf("']", i + 2, StringComparison.Ordinal);
                end = end < 0 ? path.Length : end;
                segments.Add(new JsonPathSegment(path[(i + 2)..end], false));
                i = end + 2;
            }
            else if (path[i] == '[')
            {
                var end = path.IndexOf(']', i + 1);
                end = end < 0 ? path.Length : end;
                var index = path[(i + 1)..end];
                segments.Add(new JsonPathSegment(int.TryParse(index, NumberStyles.None, CultureInfo.InvariantCulture, out _) ? index : "", true));
                i = end + 1;
            }
            else
            {
                break;
            }
        }

        return segments;
    }

    /// <summary>The path as a validation error key, the way the validators name fields: <c>posts[0].viewCount</c>.</summary>
    public static string ToKey(IEnumerable<JsonPathSegment> segments) =>
        string.Concat(segments.Select((s, n) => s.IsIndex ? $"[{s.Text}]" : n == 0 ? s.Text : "." + s.Text));
}
