using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Monitor.Core.Profiles;

/// <summary>Normalises what a user types — <c>name</c>, <c>@name</c> or a profile URL — to a bare lower-case handle.</summary>
public static partial class TiktokHandle
{
    public const string Rule = "A TikTok handle is 2–24 letters, digits, underscores or dots, e.g. @creator.name or https://www.tiktok.com/@creator.name";

    public static bool TryNormalize(string? input, [NotNullWhen(true)] out string? handle)
    {
        handle = null;
        var text = input?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2048)
        {
            return false;
        }

        if (LooksLikeUrl(text))
        {
            var match = UrlHandle().Match(text);
            if (!match.Success)
            {
                return false;
            }

            text = match.Groups["handle"].Value;
        }

        text = text.TrimStart('@');
        if (!HandlePattern().IsMatch(text))
        {
            return false;
        }

        handle = text.ToLowerInvariant();
        return true;
    }

    private static bool LooksLikeUrl(string text) =>
        text.Contains("tiktok.com", StringComparison.OrdinalIgnoreCase) || text.Contains("://", StringComparison.Ordinal);

    [GeneratedRegex(@"^(?:https?://)?(?:[a-z0-9-]+\.)*tiktok\.com/@(?<handle>[^/?#\s]+)(?:[/?#].*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlHandle();

    [GeneratedRegex(@"^[A-Za-z0-9_.]{2,24}$", RegexOptions.CultureInvariant)]
    private static partial Regex HandlePattern();
}
