using System.Text;

namespace Monitor.Core.Common;

/// <summary>
/// Removes what <see cref="FieldLimits.HasForbiddenCharacter"/> refuses, for text from the upstream: a caption with a
/// stray NUL is still a caption, and dropping the post over it would lose its figures.
/// </summary>
public static class TextCleaner
{
    public static string Clean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!FieldLimits.HasForbiddenCharacter(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[i + 1]);
                i++;
            }
            else if (!char.IsSurrogate(c) && (!char.IsControl(c) || c is '\t' or '\n' or '\r'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
