namespace Monitor.Core.Identity;

/// <summary>Light or dark dashboard; <see cref="System"/> follows the device's setting (prefers-color-scheme).</summary>
public enum ThemePreference
{
    System,
    Light,
    Dark,
}
