using System.Text.RegularExpressions;

namespace Monitor.Tests.Share;

/// <summary>What a shared page may hold: its own profile, its own link, inline images, and nothing of the app.</summary>
internal static partial class SharedHtml
{
    public static void AssertHoldsOnly(string html, string token, string handle, IEnumerable<string> forbidden)
    {
        Assert.Contains(handle, html, StringComparison.Ordinal);
        foreach (var text in forbidden)
        {
            Assert.DoesNotContain(text, html, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("blazor", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("_framework", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("/media/", html, StringComparison.OrdinalIgnoreCase);
        foreach (Match reference in References().Matches(html))
        {
            var value = reference.Groups[2].Value;
            Assert.True(value.StartsWith("data:image/", StringComparison.Ordinal) || value.StartsWith("/s/" + token, StringComparison.Ordinal),
                $"{reference.Groups[1].Value}=\"{value[..Math.Min(value.Length, 80)]}\" leads outside the link");
        }
    }

    [GeneratedRegex("\\b(href|src|action|srcset|formaction)\\s*=\\s*\"([^\"]*)\"", RegexOptions.IgnoreCase)]
    private static partial Regex References();
}
