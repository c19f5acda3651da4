using Monitor.Core.Profiles;

namespace Monitor.Web.Components.Pages.Profiles;

/// <summary>Splits what was pasted into the add dialog — one per line, or comma / semicolon / whitespace separated.</summary>
public static class HandleList
{
    private static readonly char[] Separators = [',', ';', ' ', '\t', '\r', '\n'];

    public static IReadOnlyList<string> Split(string? text) =>
        (text ?? "").Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
}
