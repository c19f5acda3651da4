using Monitor.Core.Appearance;
using Monitor.Core.Identity;

namespace Monitor.Web.Components.Layout;

/// <summary>
/// The theme as the browser remembers it between pages: the choice and, for "system", what the device showed last
/// (<c>dark</c>, <c>light</c>, <c>system-dark</c>, <c>system-light</c>). The server renders the first paint from it, so
/// a dark page does not flash light before the circuit starts; the user's stored choice wins once it is read.
/// </summary>
public sealed record ThemeCookie(ThemePreference Preference, bool Dark)
{
    public const string Name = "monitor-theme";

    public static ThemeCookie Default { get; } = new(ThemePreference.System, false);

    public string Value => Preference == ThemePreference.System ? (Dark ? "system-dark" : "system-light") : Preference.ToString().ToLowerInvariant();

    public static ThemeCookie Parse(string? value) => value switch
    {
        "dark" => new(ThemePreference.Dark, true),
        "light" => new(ThemePreference.Light, false),
        "system-dark" => new(ThemePreference.System, true),
        _ => Default,
    };
}
