namespace Monitor.Web.Components.Media;

/// <summary>Which image to show after some failed to load: the cached copy, then the original, then none (a placeholder).</summary>
public static class ImageSources
{
    public static string? Pick(string? cached, string? original, int failures)
    {
        var candidates = new[] { cached, original }.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        return failures < candidates.Count ? candidates[failures] : null;
    }
}
