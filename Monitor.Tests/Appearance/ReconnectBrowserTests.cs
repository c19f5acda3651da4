using Microsoft.Playwright;
using Monitor.Tests.Infrastructure;

namespace Monitor.Tests.Appearance;

/// <summary>
/// A phone that locks or loses its network: the page comes back by itself on the same profile and tab, whether its
/// connection dropped (reconnect) or its circuit was paused (resumed from the persisted state).
/// </summary>
public sealed class ReconnectBrowserTests(BrowserFixture browser, AppearanceAppFixture app)
    : IClassFixture<BrowserFixture>, IClassFixture<AppearanceAppFixture>
{
    private const float Timeout = 60_000;

    // Every WebSocket the page opens, so the test can drop Blazor's the way a lost network does.
    private const string TrackSockets = """
        (() => {
            const Native = window.WebSocket;
            window.__sockets = [];
            window.WebSocket = function (...args) { const s = new Native(...args); window.__sockets.push(s); return s; };
            window.WebSocket.prototype = Native.prototype;
            Object.assign(window.WebSocket, { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 });
        })();
        """;

    [Fact]
    public async Task Reconnect_NetworkLostAndBack_SameProfileAndTabWithoutATap()
    {
        await app.SeedAsync();
        var page = await app.NewSignedInPageAsync(browser);
        await page.Context.AddInitScriptAsync(TrackSockets);
        await OpenAudienceTabAsync(page);

        await page.Context.SetOfflineAsync(true);
        await page.EvaluateAsync("() => window.__sockets.forEach(s => s.close())");
        await Expect(page.Locator("#components-reconnect-modal[open]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        await BrowserFixture.SaveScreenshotAsync(page, "reconnect-offline");

        await page.Context.SetOfflineAsync(false);

        await Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await AssertLiveOnSameProfileAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "reconnect-back");
    }

    [Fact]
    public async Task Reconnect_CircuitPaused_ResumesOnSameProfileAndTab()
    {
        await app.SeedAsync();
        var page = await app.NewSignedInPageAsync(browser);
        await OpenAudienceTabAsync(page);

        // What a hidden page does after a while (the server frees the circuit and keeps its state): here at once. Not
        // awaited in the page: the page may resume the circuit, or reload when resuming fails (the place is in the
        // address), and a reload would end an awaited evaluation; either way the user is back where they were.
        Assert.True(await page.EvaluateAsync<bool>("() => { window.__pause = Blazor.pauseCircuit(); return true; }"));

        await Expect(page.Locator("#components-reconnect-modal[open]")).ToHaveCountAsync(0, new() { Timeout = Timeout });
        await AssertLiveOnSameProfileAsync(page);
        await BrowserFixture.SaveScreenshotAsync(page, "reconnect-resumed");
    }

    private async Task OpenAudienceTabAsync(IPage page)
    {
        await page.GotoAsync($"/profiles/{app.ProfileId}");
        await BrowserFixture.WaitForCircuitAsync(page);
        await ClickTabUntilAddressShowsAsync(page, "Audience", "tab=audience");
    }

    /// <summary>
    /// Clicks a profile tab until the address shows it: a click that lands before the circuit handles events (or while
    /// the page reloads) is lost, as a user's would be.
    /// </summary>
    private static async Task ClickTabUntilAddressShowsAsync(IPage page, string tab, string inAddress)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!page.Url.Contains(inAddress, StringComparison.Ordinal))
        {
            Assert.True(DateTime.UtcNow < deadline, $"the circuit did not answer a click on the {tab} tab within 60 s");
            try
            {
                await page.GetByRole(AriaRole.Tab, new() { Name = tab }).ClickAsync();
            }
            catch (PlaywrightException) when (DateTime.UtcNow < deadline)
            {
                // The page reloaded under the click (resuming failed, the fallback reload is on its way): click again.
            }

            await Task.Delay(250);
        }
    }

    /// <summary>Same profile, the Audience tab still shown, and the circuit answers: a click on another tab moves the address.</summary>
    private async Task AssertLiveOnSameProfileAsync(IPage page)
    {
        Assert.Contains($"/profiles/{app.ProfileId}", page.Url, StringComparison.Ordinal);
        Assert.Contains("tab=audience", page.Url, StringComparison.Ordinal);
        await Expect(page.Locator("[data-testid=audience-tab]")).ToBeVisibleAsync(new() { Timeout = Timeout });
        // A click made before the new connection is up is lost, as a user's would be: click until the circuit answers.
        await ClickTabUntilAddressShowsAsync(page, "Logs", "tab=logs");
        await Expect(page.Locator("[data-testid=logs-tab]")).ToBeVisibleAsync(new() { Timeout = Timeout });
    }

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
