using Microsoft.Playwright;

namespace Monitor.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium per test class (starting it costs seconds), driven by Playwright.
/// Each test takes its own isolated page from <see cref="NewPageAsync"/>.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>The closed network refuses Chromium's background connections: switch them off.</summary>
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser is not started.");

    public static string ScreenshotDirectory => Path.Combine(RepositoryPaths.Artifacts, "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"{ChromiumPath} is missing. Run the tests with `bash scripts/test.sh` (it installs Debian's chromium).");
        }

        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>A page in a fresh browser context (own cookies and storage) whose relative URLs resolve against <paramref name="baseAddress"/>.</summary>
    public async Task<IPage> NewPageAsync(Uri baseAddress)
    {
        ArgumentNullException.ThrowIfNull(baseAddress);
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = baseAddress.ToString(),
            ViewportSize = new() { Width = 1280, Height = 800 },
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the sign-in page and waits until the app has taken the user to the dashboard.</summary>
    public static async Task SignInAsync(IPage page, string userName, string password)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/account/login");
        await page.Locator("[data-testid=field-UserName]").FillAsync(userName);
        await page.Locator("[data-testid=field-Password]").FillAsync(password);
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        // Signed in once the app has redirected away from the sign-in page and the landing page is parsed. Waiting for
        // its load event too (the default) made a sign-in fail when the page's images or styles were slow on a loaded
        // machine (CI, 7 Dec: the redirect had happened, the load event had not in 30 s); each test waits for what it reads.
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal), new() { Timeout = 30_000, WaitUntil = WaitUntilState.DOMContentLoaded });
    }

    /// <summary>Waits until the Blazor circuit is interactive (MainLayout renders the marker only then).</summary>
    public static Task WaitForCircuitAsync(IPage page, float timeoutMs = 30_000)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.Locator("[data-testid=circuit-ready]")
            .WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = timeoutMs });
    }

    /// <summary>Saves a full-page PNG as <c>artifacts/screenshots/&lt;name&gt;.png</c> and returns its path.</summary>
    public static async Task<string> SaveScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        Directory.CreateDirectory(ScreenshotDirectory);
        var path = Path.Combine(ScreenshotDirectory, name + ".png");
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
        return path;
    }
}
