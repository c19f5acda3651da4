using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using Monitor.Core.Appearance;
using Monitor.Core.Identity;
using MudBlazor;

namespace Monitor.Web.Components.Layout;

/// <summary>
/// The dashboard's frame, and its theme: first painted from the browser's <see cref="ThemeCookie"/>, then the signed-in
/// user's stored choice; "system" follows the device's light/dark setting live.
/// </summary>
public sealed partial class MainLayout
{
    private readonly MudTheme _mudTheme = MonitorTheme.Theme;
    private MudThemeProvider? _themeProvider;
    private bool _drawerOpen = true;
    private ThemePreference _theme;
    private bool _darkMode;

    [CascadingParameter] private ThemeCookie? InitialTheme { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? Authentication { get; set; }

    [Inject] private ThemePreferenceStore Themes { get; set; } = default!;

    [Inject] private IJSRuntime JS { get; set; } = default!;

    protected override void OnInitialized()
    {
        var initial = InitialTheme ?? ThemeCookie.Default;
        _theme = initial.Preference;
        _darkMode = initial.Dark;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender || !RendererInfo.IsInteractive || _themeProvider is null)
        {
            return;
        }

        try
        {
            if (await UserIdAsync() is { } userId && await Themes.GetAsync(userId, CancellationToken.None) is { } stored)
            {
                _theme = stored;
            }

            await ApplyAsync();
            await _themeProvider.WatchSystemDarkModeAsync(OnSystemDarkModeChangedAsync);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // The circuit went away while starting: the next page starts over.
        }
    }

    private async Task ChooseThemeAsync(ThemePreference theme)
    {
        _theme = theme;
        if (await UserIdAsync() is { } userId)
        {
            await Themes.SetAsync(userId, theme, CancellationToken.None);
        }

        await ApplyAsync();
    }

    private async Task ApplyAsync()
    {
        _darkMode = _theme switch
        {
            ThemePreference.Dark => true,
            ThemePreference.Light => false,
            _ => _themeProvider is not null && await _themeProvider.GetSystemDarkModeAsync(),
        };
        await RememberAsync();
        StateHasChanged();
    }

    private async Task OnSystemDarkModeChangedAsync(bool dark)
    {
        if (_theme != ThemePreference.System || dark == _darkMode)
        {
            return;
        }

        _darkMode = dark;
        await RememberAsync();
        await InvokeAsync(StateHasChanged);
    }

    private async Task RememberAsync()
    {
        try
        {
            await JS.InvokeVoidAsync("monitorTheme.remember", new ThemeCookie(_theme, _darkMode).Value);
        }
        catch (Exception ex) when (ex is JSException or JSDisconnectedException or TaskCanceledException)
        {
            // Only the next page's first paint depends on it.
        }
    }

    private async Task<string?> UserIdAsync() =>
        Authentication is null ? null : (await Authentication).User.FindFirstValue(ClaimTypes.NameIdentifier);
}
